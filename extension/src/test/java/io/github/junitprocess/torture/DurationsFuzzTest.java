package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.junitprocess.internal.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input for the one duration and size parser: every input either parses to a usable value
 * or fails with {@link IllegalArgumentException} naming the input and what is accepted; never
 * another exception, never a hang.
 */
class DurationsFuzzTest {
  private static final Duration BUDGET = Duration.ofSeconds(20);

  static Stream<String> hostileInputs() {
    return Stream.of(
        "",
        " ",
        "\t\n",
        "s",
        "1",
        "-1s",
        "+1s",
        "1.s",
        ".5s",
        "1..5s",
        "1.5.5s",
        "1,5s",
        "1e3ms",
        "0x10s",
        "1 s",
        "1  \t ms",
        "1sec",
        "1 seconds",
        "1S",
        "1MS",
        "1Ms",
        "1µs",
        "١s",
        "1\u0000s",
        "999999999999d",
        "999999999999.999999999d",
        "9999999999999s",
        "0.0000000001s",
        "0ns",
        "0.000000001s",
        "1.5ns",
        "P",
        "PT",
        "pt1s",
        "PT-1S",
        "-PT1S",
        "P1D",
        "P1DT1H1M1.5S",
        "PT9223372036854775807S",
        "PT9223372036854775808S",
        "P99999999999999999999D",
        "PT1S trailing",
        "${startupTimeout}",
        "1".repeat(10_000) + "s",
        "1.".repeat(10_000) + "s",
        " ".repeat(100_000) + "1s",
        "P" + "1".repeat(100_000) + "D");
  }

  @ParameterizedTest
  @MethodSource("hostileInputs")
  void aHostileDurationParsesOrIsRefusedWithAUsefulMessage(String input) {
    assertTimeoutPreemptively(BUDGET, () -> checkDuration(input));
  }

  @ParameterizedTest
  @MethodSource("hostileInputs")
  void aHostileSizeParsesOrIsRefusedWithAUsefulMessage(String input) {
    assertTimeoutPreemptively(BUDGET, () -> checkSize(input));
  }

  @Test
  void randomDurations() {
    assertTimeoutPreemptively(
        BUDGET,
        () -> randomInputs("0123456789.smhdnuPTHMSD -+\t", 20_000).forEach(this::checkDuration));
  }

  @Test
  void randomSizes() {
    assertTimeoutPreemptively(
        BUDGET, () -> randomInputs("0123456789 kmgbiKMGBI.-+", 20_000).forEach(this::checkSize));
  }

  @Test
  void nullIsRefusedWithAMessage() {
    assertThat(refusal(Durations::parse, null)).hasMessage("duration is null");
    assertThat(refusal(Durations::parseSize, null)).hasMessage("size is null");
  }

  private void checkDuration(String input) {
    Duration d;
    try {
      d = Durations.parse(input);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as(input).contains("duration '" + input + "'");
      return;
    }
    assertThat(d).as(input).isNotNull();
    assertThat(d.isNegative()).as(input).isFalse();
    assertThat(Durations.format(d)).as("format(parse(%s))", input).isNotBlank();
  }

  private void checkSize(String input) {
    long size;
    try {
      size = Durations.parseSize(input);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as(input).contains("size '" + input + "'");
      return;
    }
    assertThat(size).as(input).isNotNegative();
  }

  private static IllegalArgumentException refusal(Function<String, ?> parser, String input) {
    try {
      parser.apply(input);
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new AssertionError("accepted " + input);
  }

  private static List<String> randomInputs(String alphabet, int count) {
    Random random = new Random(20261125L);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(16);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      out.add(sb.toString());
    }
    return out;
  }
}
