package io.github.junitprocess.internal.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration strings of annotations and configuration: the one place that does. */
public final class Durations {
  private static final Pattern SIMPLE =
      Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?\\s*(ns|us|ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code "500ms"}, {@code "30s"}, {@code "1.5s"}, {@code "2m"}, {@code "1h"}, {@code
   * "1d"}, or ISO-8601 ({@code "PT30S"}).
   *
   * @throws IllegalArgumentException with a message that says what is accepted
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("duration is null");
    }
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(trimmed);
    if (m.matches()) {
      long whole = Long.parseLong(m.group(1));
      String fraction = m.group(2) == null ? "" : m.group(2);
      long unitNanos = unitNanos(m.group(3));
      long fracNanos = 0;
      if (!fraction.isEmpty()) {
        // fraction of the unit, exact to the nanosecond for every unit up to a day
        double f = Double.parseDouble("0." + fraction);
        fracNanos = Math.round(f * unitNanos);
      }
      try {
        return Duration.ofNanos(Math.addExact(Math.multiplyExact(whole, unitNanos), fracNanos));
      } catch (ArithmeticException e) {
        return Duration.ofSeconds(Math.multiplyExact(whole, unitNanos / 1_000_000_000L));
      }
    }
    if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
      try {
        Duration d = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException ignored) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException(
        "invalid duration '"
            + text
            + "': use a number and a unit, e.g. 500ms, 30s, 1.5s, 2m, 1h (or ISO-8601 like PT30S)");
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        return 86_400_000_000_000L;
    }
  }

  /** Longest wait honoured: about 73 years, far from overflowing {@code System.nanoTime()} sums. */
  private static final long LONGEST_WAIT_NANOS = Long.MAX_VALUE / 4;

  /**
   * {@code d} in nanoseconds for a wait: negative is 0, and anything longer than about 73 years (up
   * to {@code ChronoUnit.FOREVER}, which {@link Duration#toNanos()} cannot represent) is 73 years.
   */
  public static long waitNanos(Duration d) {
    if (d.isNegative()) {
      return 0;
    }
    if (d.compareTo(Duration.ofNanos(LONGEST_WAIT_NANOS)) >= 0) {
      return LONGEST_WAIT_NANOS;
    }
    return d.toNanos();
  }

  /**
   * Renders a duration the way users write it: {@code 250ms}, {@code 1.5s}, {@code 30s}, {@code
   * 2m}.
   */
  public static String format(Duration d) {
    if (d.getSeconds() >= 1_000_000_000L || d.getSeconds() <= -1_000_000_000L) {
      return d.toDays() + "d"; // beyond 30 years, towards what toMillis cannot hold
    }
    long ms = d.toMillis();
    if (ms % 60_000 == 0 && ms >= 60_000) {
      return ms / 60_000 + "m";
    }
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("\\.?0+$", "") + "s";
    }
    if (ms > 0 || d.isZero()) {
      return ms + "ms";
    }
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    return d.toNanos() / 1000 + "us";
  }

  /** Parses a byte size: {@code 8MiB}, {@code 512KiB}, {@code 1GiB}, {@code 1000} (bytes). */
  public static long parseSize(String text) {
    if (text == null) {
      throw new IllegalArgumentException("size is null");
    }
    Matcher m =
        Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?")
            .matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid size '" + text + "': use a number and a unit, e.g. 512KiB, 8MiB, 1GiB");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor;
    switch (unit.charAt(0)) {
      case 'k':
        factor = 1L << 10;
        break;
      case 'm':
        factor = 1L << 20;
        break;
      case 'g':
        factor = 1L << 30;
        break;
      default:
        factor = 1;
    }
    try {
      return Math.multiplyExact(n, factor);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("size '" + text + "' is too large", e);
    }
  }
}
