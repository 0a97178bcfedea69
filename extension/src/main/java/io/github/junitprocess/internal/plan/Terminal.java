package io.github.junitprocess.internal.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pseudo-terminal a process runs on (terminal mode): its size, as {@code tput cols} and {@code
 * tput lines} report it. A plan without a terminal has none ({@code null}).
 *
 * @param columns characters per line, 1..65535
 * @param rows lines, 1..65535
 */
public record Terminal(int columns, int rows) {
  /** The size of a terminal nobody sized: {@code 80x24}, the VT100's. */
  public static final String DEFAULT_SIZE = "80x24";

  private static final Pattern SIZE = Pattern.compile("(\\d{1,9})[xX](\\d{1,9})");

  /**
   * @throws IllegalArgumentException when a side is outside 1..65535 (a terminal's window size
   *     holds 16 bits; 0 would mean "unknown" to the program)
   */
  public Terminal {
    if (columns < 1 || columns > 65535 || rows < 1 || rows > 65535) {
      throw new IllegalArgumentException(
          "a terminal needs 1..65535 columns and rows, was "
              + columns
              + " columns, "
              + rows
              + " rows");
    }
  }

  /**
   * A size written {@code COLUMNSxROWS}, as {@code @SpawnProcess(ttySize = "120x40")} takes it.
   *
   * @throws IllegalArgumentException saying what is wrong and what would be right
   */
  public static Terminal parse(String size) {
    Matcher m = SIZE.matcher(size.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + size + "\" is not COLUMNSxROWS, e.g. \"" + DEFAULT_SIZE + "\" or \"120x40\"");
    }
    try {
      return new Terminal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + size + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return columns + "x" + rows;
  }
}
