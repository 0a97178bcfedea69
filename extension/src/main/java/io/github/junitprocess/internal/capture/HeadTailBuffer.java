package io.github.junitprocess.internal.capture;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The bounded in-memory copy of one stream: the first half of the limit (the head) and the last
 * half (the tail, a ring), the middle dropped once the stream outgrows the limit. It counts every
 * byte appended, kept or not.
 *
 * <p>Plain data: no threads, no I/O, not thread-safe. Its {@link OutputCapture}'s lock guards it.
 */
final class HeadTailBuffer {
  private final int headCap;
  private final int tailCap;

  private byte[] head = new byte[0]; // grows up to headCap: a short stream costs little memory
  private int headLen;
  private byte[] tail; // allocated once the head is full
  private int tailPos; // where the next byte goes; the oldest byte once the ring is full
  private boolean tailFull;
  private long size;

  /** Keeps up to {@code limit} bytes: {@code limit / 2} from the start, the rest from the end. */
  HeadTailBuffer(long limit) {
    this.headCap = (int) (limit / 2);
    this.tailCap = (int) (limit - limit / 2);
  }

  /** Appends {@code len} bytes of {@code buf} from {@code off}. */
  void append(byte[] buf, int off, int len) {
    size += len;
    int toHead = Math.min(len, headCap - headLen);
    if (toHead > 0) {
      if (headLen + toHead > head.length) {
        int grown = Math.max(headLen + toHead, Math.min(headCap, Math.max(256, head.length * 2)));
        head = Arrays.copyOf(head, grown);
      }
      System.arraycopy(buf, off, head, headLen, toHead);
      headLen += toHead;
    }
    int rest = len - toHead;
    if (rest <= 0) {
      return;
    }
    if (tail == null) {
      tail = new byte[tailCap];
    }
    if (rest >= tailCap) {
      System.arraycopy(buf, off + len - tailCap, tail, 0, tailCap);
      tailPos = 0;
      tailFull = true;
      return;
    }
    int from = off + toHead;
    int pos = tailPos;
    int first = Math.min(rest, tailCap - pos);
    System.arraycopy(buf, from, tail, pos, first);
    System.arraycopy(buf, from + first, tail, 0, rest - first);
    if (pos + rest >= tailCap) {
      tailFull = true;
    }
    tailPos = (pos + rest) % tailCap;
  }

  /** True when appending {@code more} bytes would drop some of the stream. */
  boolean wouldOverflow(int more) {
    return size + more > (long) headCap + tailCap;
  }

  /** Every byte appended, kept or not. */
  long size() {
    return size;
  }

  /** How many bytes are held: head and tail. */
  int kept() {
    return headLen + tailLen();
  }

  /** How many of {@link #bytes()} are the head: where a dropped middle would be. */
  int headLength() {
    return headLen;
  }

  /** True when the middle of the stream was dropped. */
  boolean truncated() {
    return size > kept();
  }

  /** The bytes held, head then tail, in order. */
  byte[] bytes() {
    int tailLen = tailLen();
    byte[] out = new byte[headLen + tailLen];
    System.arraycopy(head, 0, out, 0, headLen);
    if (tailLen > 0) {
      if (tailFull) {
        System.arraycopy(tail, tailPos, out, headLen, tailCap - tailPos);
        System.arraycopy(tail, 0, out, headLen + tailCap - tailPos, tailPos);
      } else {
        System.arraycopy(tail, 0, out, headLen, tailPos);
      }
    }
    return out;
  }

  /** True when the last byte held is a newline: the last line in memory is complete. */
  boolean endsWithNewline() {
    int tl = tailLen();
    if (tl > 0) {
      int idx = tailFull ? (tailPos + tailCap - 1) % tailCap : tailPos - 1;
      return tail[idx] == '\n';
    }
    return headLen > 0 && head[headLen - 1] == '\n';
  }

  /**
   * The last bytes held, no more than {@code window} of them, copied out so that a message's tail
   * is decoded without holding the lock.
   */
  TailWindow tailWindow(int window) {
    int kept = kept();
    byte[] last = lastBytes(Math.min(kept, window));
    return new TailWindow(last, last.length < kept);
  }

  private int tailLen() {
    return tail == null ? 0 : tailFull ? tailCap : tailPos;
  }

  /** The last {@code n} bytes held, in order; {@code n} is at most {@link #kept()}. */
  private byte[] lastBytes(int n) {
    byte[] out = new byte[n];
    int tailLen = tailLen();
    int fromTail = Math.min(n, tailLen);
    int fromHead = n - fromTail;
    System.arraycopy(head, headLen - fromHead, out, 0, fromHead);
    if (fromTail > 0) {
      int oldest = tailFull ? tailPos : 0;
      int start = (oldest + tailLen - fromTail) % tailCap;
      int first = Math.min(fromTail, tailCap - start);
      System.arraycopy(tail, start, out, fromHead, first);
      System.arraycopy(tail, 0, out, fromHead + first, fromTail - first);
    }
    return out;
  }

  /**
   * The end of the memory copy, for the last lines a message shows.
   *
   * @param bytes the last bytes held
   * @param cut true when memory holds more than these, so the first line may have begun earlier
   */
  record TailWindow(byte[] bytes, boolean cut) {
    /** The last {@code n} lines; a first line that the window's start may have cut is left out. */
    List<String> lastLines(int n) {
      List<String> all = LineSplitter.lines(new String(bytes, StandardCharsets.UTF_8));
      if (cut && all.size() > 1) {
        all = all.subList(1, all.size()); // the window began mid-line
      }
      return all.subList(Math.max(0, all.size() - n), all.size());
    }
  }
}
