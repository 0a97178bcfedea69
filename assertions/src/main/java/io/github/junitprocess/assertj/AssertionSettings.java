package io.github.junitprocess.assertj;

import io.github.junitprocess.ProcessFormat;
import java.time.Duration;

/**
 * The assertions' settings, read from system properties each time they are needed so that a test
 * run can change them with {@code -D}.
 */
final class AssertionSettings {
  /** How long {@code eventually()} waits. */
  static final String TIMEOUT_PROPERTY = "junit.process.assertions.timeout";

  /** How many of the last lines of each stream a failure message shows. */
  static final String TAIL_LINES_PROPERTY = "junit.process.assertions.tail.lines";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_TAIL_LINES = ProcessFormat.TAIL_LINES;

  private AssertionSettings() {}

  /**
   * The timeout of {@code eventually()}: {@value #TIMEOUT_PROPERTY}, default 10s.
   *
   * @throws IllegalArgumentException when the property is not a positive duration
   */
  static Duration timeout() {
    String value = System.getProperty(TIMEOUT_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    Duration timeout;
    try {
      timeout = ProcessFormat.parseDuration(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "System property " + TIMEOUT_PROPERTY + ": " + e.getMessage(), e);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "System property " + TIMEOUT_PROPERTY + " must be positive, but was '" + value + "'");
    }
    return timeout;
  }

  /**
   * Lines of each stream shown in a failure message: {@value #TAIL_LINES_PROPERTY}, default 20.
   *
   * @throws IllegalArgumentException when the property is not a non-negative integer
   */
  static int tailLines() {
    String value = System.getProperty(TAIL_LINES_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_TAIL_LINES;
    }
    try {
      int lines = Integer.parseInt(value.trim());
      if (lines >= 0) {
        return lines;
      }
    } catch (NumberFormatException e) {
      // reported below with the property's name
    }
    throw new IllegalArgumentException(
        "System property "
            + TAIL_LINES_PROPERTY
            + " must be a non-negative number of lines, but was '"
            + value
            + "'");
  }
}
