package io.github.junitprocess.internal.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits a byte stream into UTF-8 lines on {@code \n} (dropping a preceding {@code \r}). A line
 * longer than {@link #MAX_LINE} keeps its first {@code MAX_LINE} bytes, so one endless line cannot
 * exhaust memory.
 */
public final class LineSplitter {
  static final int MAX_LINE = 256 * 1024;

  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  /** Starts over with {@code pending} as the beginning of the current line. */
  void reset(byte[] pending, int off, int len) {
    partial.reset();
    partial.write(pending, off, Math.min(len, MAX_LINE));
  }

  /** Feeds bytes; complete lines are added to {@code lines}. */
  void feed(byte[] buf, int off, int len, List<String> lines) {
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (buf[i] == '\n') {
        append(buf, start, i - start);
        lines.add(take());
        start = i + 1;
      }
    }
    append(buf, start, end - start);
  }

  /**
   * The unterminated line so far, left in place for the bytes that complete it; {@code null} when
   * the last line fed was complete.
   */
  String peek() {
    if (partial.size() == 0) {
      return null;
    }
    byte[] b = partial.toByteArray();
    int n = b.length;
    if (b[n - 1] == '\r') {
      n--;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  /** The unterminated last line at end of stream, or {@code null} when there is none. */
  String finish() {
    return partial.size() == 0 ? null : take();
  }

  private void append(byte[] buf, int off, int len) {
    int room = MAX_LINE - partial.size();
    if (room > 0 && len > 0) {
      partial.write(buf, off, Math.min(room, len));
    }
  }

  private String take() {
    byte[] b = partial.toByteArray();
    partial.reset();
    int n = b.length;
    if (n > 0 && b[n - 1] == '\r') {
      n--;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  /** Splits complete text into lines the same way (a trailing newline adds no empty line). */
  public static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String[] parts = text.split("\r?\n", -1);
    int n = parts.length;
    if (parts[n - 1].isEmpty()) {
      n--;
    }
    return List.of(java.util.Arrays.copyOf(parts, n));
  }
}
