package io.github.junitprocess.assertj;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} and prints them.
 */
final class DurationText {
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private DurationText() {}

  /**
   * Parses {@code text} ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 such as
   * {@code PT10S}).
   *
   * @throws IllegalArgumentException naming {@code source} when {@code text} is none of those
   */
  static Duration parse(String text, String source) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = AMOUNT_AND_UNIT.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        default:
          return Duration.ofHours(amount);
      }
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          source + " must be a duration such as 500ms, 10s, 2m or 1h, but was '" + text + "'", e);
    }
  }

  /** {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 2m}. */
  static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis % 60_000 == 0) {
      return (millis / 60_000) + "m";
    }
    if (millis % 1000 == 0) {
      return (millis / 1000) + "s";
    }
    return String.format(Locale.ROOT, "%.3fs", millis / 1000.0).replaceAll("0+s$", "s");
  }
}
