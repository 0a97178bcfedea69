package io.github.junitprocess.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssertionSettingsTest {

  @AfterEach
  void clearSettings() {
    System.clearProperty(AssertionSettings.TIMEOUT_PROPERTY);
    System.clearProperty(AssertionSettings.TAIL_LINES_PROPERTY);
  }

  @Test
  void defaultsAreTenSecondsAndTwentyLines() {
    assertThat(AssertionSettings.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(AssertionSettings.tailLines()).isEqualTo(20);
  }

  @Test
  void timeoutAcceptsTheUsualUnitsAndIso() {
    assertThat(timeoutFor("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(timeoutFor("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(timeoutFor(" 2 m ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(timeoutFor("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(timeoutFor("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void anInvalidTimeoutIsReportedByName() {
    System.setProperty(AssertionSettings.TIMEOUT_PROPERTY, "10");
    assertThatThrownBy(AssertionSettings::timeout)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("System property junit.process.assertions.timeout: ")
        .hasMessageContaining("invalid duration '10'")
        .hasMessageContaining("500ms");

    System.setProperty(AssertionSettings.TIMEOUT_PROPERTY, "0s");
    assertThatThrownBy(AssertionSettings::timeout)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, but was '0s'");
  }

  @Test
  void tailLinesAcceptsZeroAndRejectsNegatives() {
    System.setProperty(AssertionSettings.TAIL_LINES_PROPERTY, "0");
    assertThat(AssertionSettings.tailLines()).isZero();

    System.setProperty(AssertionSettings.TAIL_LINES_PROPERTY, "-1");
    assertThatThrownBy(AssertionSettings::tailLines)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("junit.process.assertions.tail.lines");
  }

  @Test
  void durationsPrintShort() {
    assertThat(io.github.junitprocess.ProcessFormat.duration(Duration.ofMillis(250)))
        .isEqualTo("250ms");
    assertThat(io.github.junitprocess.ProcessFormat.duration(Duration.ofSeconds(2)))
        .isEqualTo("2s");
    assertThat(io.github.junitprocess.ProcessFormat.duration(Duration.ofMillis(1500)))
        .isEqualTo("1.5s");
    assertThat(io.github.junitprocess.ProcessFormat.duration(Duration.ofMillis(1234)))
        .isEqualTo("1.234s");
    assertThat(io.github.junitprocess.ProcessFormat.duration(Duration.ofMinutes(2)))
        .isEqualTo("2m");
  }

  private static Duration timeoutFor(String value) {
    System.setProperty(AssertionSettings.TIMEOUT_PROPERTY, value);
    return AssertionSettings.timeout();
  }
}
