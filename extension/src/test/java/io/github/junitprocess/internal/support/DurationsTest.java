package io.github.junitprocess.internal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "1.5s, PT1.5S",
    "2m, PT2M",
    "1h, PT1H",
    "1d, PT24H",
    "250us, PT0.00025S",
    "' 10S ', PT10S",
    "PT45S, PT45S",
    "0s, PT0S"
  })
  void parsesWhatUsersWrite(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "ten seconds", "-5s", "5 parsecs", "1.s", "s", "PT-5S"})
  void rejectsOthersSayingWhatIsAccepted(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration '" + text + "'")
        .hasMessageContaining("500ms");
  }

  @ParameterizedTest
  @CsvSource({"8MiB, 8388608", "512KiB, 524288", "1GiB, 1073741824", "1000, 1000", "2k, 2048"})
  void parsesSizes(String text, long bytes) {
    assertThat(Durations.parseSize(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"500ms, 500ms", "30s, 30s", "2m, 2m", "1.5s, 1.5s", "1234ms, 1.234s", "90s, 90s"})
  void formatsLikeUsersWrite(String text, String formatted) {
    assertThat(Durations.format(Durations.parse(text))).isEqualTo(formatted);
  }

  @Test
  void formatsZeroNegativeAndTinyDurationsReadably() {
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
    assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
    assertThat(Durations.format(Duration.ofNanos(250_000))).isEqualTo("250us");
  }
}
