package io.github.junitprocess.internal.capture;

import io.github.junitprocess.internal.support.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The bounded in-memory copy of one stream: the first half of the limit (the head) and the last
 * half (the tail), the middle dropped once the stream outgrows the limit. It counts every byte
 * appended, kept or not.
 *
 * <p>The tail is a queue of chunks, oldest first, that together hold at least its last half of the
 * limit once the stream is that long; the oldest chunk is dropped (and its array reused) as soon as
 * the others hold enough. A pump that reads large chunks hands its read buffer over ({@link
 * #appendOwned}) instead of having it copied. The tail's arrays then hold up to one chunk more than
 * half the limit, and at most twice that when reads come back between half full and full.
 *
 * <p>While a log file holds the whole stream ({@link #tailInFile}), the tail is not kept at all: it
 * is read back from the file when asked for, and taken back into memory ({@link #tailToMemory})
 * before the file closes. A child that writes hundreds of MiB then costs no memory traffic beyond
 * the head.
 *
 * <p>Not thread-safe, no threads, and no I/O of its own (the file is read through {@link
 * StreamFile}). Its {@link OutputCapture}'s lock guards it.
 */
final class HeadTailBuffer {
  /** The largest array the tail copies small writes into (no larger than the tail). */
  private static final int CHUNK = 64 * 1024;

  private static final byte[] NOTHING = new byte[0];

  private final int headCap;
  private final int tailCap;

  private byte[] head = NOTHING; // grows up to headCap: a short stream costs little memory
  private int headLen;
  private final ArrayDeque<Chunk> tail = new ArrayDeque<>(); // after the head, oldest first
  private long tailBytes; // in the chunks (one more than tailCap at most), or in the file
  private byte[] spare; // the array of the chunk dropped last, for the next one
  private long size;
  private byte last; // the last byte appended
  private StreamFile file; // while set, the tail is not held: the file holds the whole stream

  /**
   * The whole stream as a log file holds it: {@code len} bytes read at stream offset {@code at}.
   */
  interface StreamFile {
    void read(long at, byte[] dst, int off, int len) throws IOException;
  }

  /** Where {@link #writeTo} writes: false when a write failed. */
  interface ByteSink {
    boolean write(byte[] buf, int off, int len);
  }

  /** Part of the tail: {@code len} bytes at the start of {@code data}. */
  private static final class Chunk {
    final byte[] data;
    int len;

    Chunk(byte[] data, int len) {
      this.data = data;
      this.len = len;
    }
  }

  /** Keeps up to {@code limit} bytes: {@code limit / 2} from the start, the rest from the end. */
  HeadTailBuffer(long limit) {
    this.headCap = (int) (limit / 2);
    this.tailCap = (int) (limit - limit / 2);
  }

  /** Appends {@code len} bytes of {@code buf} from {@code off}, copied. */
  void append(byte[] buf, int off, int len) {
    int rest = appendToHead(buf, off, len);
    if (file != null) {
      tailBytes += rest; // in the file
    } else if (rest > 0) {
      copyToTail(buf, off + len - rest, rest);
    }
  }

  /**
   * Appends the first {@code len} bytes of {@code buf}, a read buffer that the caller gives up: the
   * tail may keep the array itself rather than copy it. It never changes those bytes, so the caller
   * may still read them (to write them to a file) until its next call.
   *
   * @return the array to read into next: {@code buf} when it was copied, otherwise another of the
   *     same length
   */
  byte[] appendOwned(byte[] buf, int len) {
    int rest = appendToHead(buf, 0, len);
    if (file != null) {
      tailBytes += rest; // in the file
      return buf;
    }
    if (rest <= 0 || rest < len || len < buf.length / 2 || tailCap < buf.length) {
      if (rest > 0) {
        copyToTail(buf, len - rest, rest); // part of it went to the head, or it is small
      }
      return buf;
    }
    tail.addLast(new Chunk(buf, len));
    tailBytes += len;
    dropUnneeded();
    return spareOrNew(buf.length);
  }

  /**
   * Copies what fits of {@code len} bytes into the head; returns how many are left for the tail.
   */
  private int appendToHead(byte[] buf, int off, int len) {
    size += len;
    if (len > 0) {
      last = buf[off + len - 1];
    }
    int toHead = Math.min(len, headCap - headLen);
    if (toHead > 0) {
      if (headLen + toHead > head.length) {
        int grown = Math.max(headLen + toHead, Math.min(headCap, Math.max(256, head.length * 2)));
        head = Arrays.copyOf(head, grown);
      }
      System.arraycopy(buf, off, head, headLen, toHead);
      headLen += toHead;
    }
    return len - toHead;
  }

  private void copyToTail(byte[] buf, int from, int n) {
    if (n >= tailCap) { // replaces the whole tail: only its last tailCap bytes count
      tail.clear();
      tailBytes = 0;
      from += n - tailCap;
      n = tailCap;
    }
    while (n > 0) {
      Chunk last = tail.peekLast();
      if (last == null || last.len == last.data.length) {
        last = new Chunk(newChunkArray(), 0);
        tail.addLast(last);
      }
      int k = Math.min(n, last.data.length - last.len);
      System.arraycopy(buf, from, last.data, last.len, k);
      last.len += k;
      tailBytes += k;
      from += k;
      n -= k;
    }
    dropUnneeded();
  }

  private byte[] newChunkArray() {
    return spareOrNew(Math.min(CHUNK, tailCap));
  }

  /** The array of the chunk dropped last if it has {@code length} bytes, else a new one. */
  private byte[] spareOrNew(int length) {
    byte[] array = spare;
    if (array != null && array.length == length) {
      spare = null;
      return array;
    }
    return new byte[length];
  }

  /** Drops the oldest chunks while the others hold the whole tail. */
  private void dropUnneeded() {
    while (tailBytes - tail.getFirst().len >= tailCap) {
      Chunk oldest = tail.removeFirst();
      tailBytes -= oldest.len;
      spare = oldest.data;
    }
  }

  /**
   * From now on {@code file} holds the whole stream, as long as {@link #size()} whenever this copy
   * is read: the tail is dropped from memory and read back from the file when asked for.
   */
  void tailInFile(StreamFile file) {
    this.file = file;
    tail.clear();
    spare = null;
    tailBytes = size - headLen;
  }

  /**
   * Reads the tail back from the file and holds it again; before the file closes. Should the read
   * fail, the tail is lost (and counted as dropped).
   */
  void tailToMemory() {
    if (file == null) {
      return;
    }
    byte[] data = new byte[tailLen()];
    boolean read = readTail(data.length, data, data.length);
    file = null;
    tailBytes = read ? data.length : 0;
    if (read && data.length > 0) {
      tail.addLast(new Chunk(data, data.length));
    }
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
    return bytes(NOTHING);
  }

  /** The bytes held with {@code between} where a dropped middle would be: head, between, tail. */
  byte[] bytes(byte[] between) {
    int tailLen = tailLen();
    byte[] out = new byte[headLen + between.length + tailLen];
    System.arraycopy(head, 0, out, 0, headLen);
    System.arraycopy(between, 0, out, headLen, between.length);
    copyLastOfTail(tailLen, out, out.length);
    return out;
  }

  /**
   * Writes the bytes held, head then tail, to {@code sink} as they lie (no copy); stops at the
   * first failed write. Not while the tail is in the file.
   *
   * @return false when a write failed
   */
  boolean writeTo(ByteSink sink) {
    if (file != null) {
      throw new IllegalStateException("the tail is in the log file");
    }
    if (headLen > 0 && !sink.write(head, 0, headLen)) {
      return false;
    }
    int skip = (int) (tailBytes - tailLen()); // what the oldest chunk holds beyond the tail
    for (Chunk c : tail) {
      int from = Math.min(skip, c.len);
      skip -= from;
      if (c.len > from && !sink.write(c.data, from, c.len - from)) {
        return false;
      }
    }
    return true;
  }

  /** True when the last byte of the head is ASCII: it ends no multi-byte character cut short. */
  boolean headEndsInAscii() {
    return headLen == 0 || head[headLen - 1] >= 0;
  }

  /** True when the last byte held is a newline: the last line in memory is complete. */
  boolean endsWithNewline() {
    if (tailLen() > 0) {
      return last == '\n'; // the tail ends where the stream does
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
    return (int) Math.min(tailBytes, tailCap);
  }

  /** The last {@code n} bytes held, in order; {@code n} is at most {@link #kept()}. */
  private byte[] lastBytes(int n) {
    byte[] out = new byte[n];
    int fromTail = Math.min(n, tailLen());
    int fromHead = n - fromTail;
    System.arraycopy(head, headLen - fromHead, out, 0, fromHead);
    copyLastOfTail(fromTail, out, n);
    return out;
  }

  /** Copies the last {@code n} bytes of the tail into {@code out}, ending before {@code end}. */
  private void copyLastOfTail(int n, byte[] out, int end) {
    if (file != null) {
      readTail(n, out, end);
      return;
    }
    Iterator<Chunk> newestFirst = tail.descendingIterator();
    while (n > 0) {
      Chunk c = newestFirst.next();
      int k = Math.min(n, c.len);
      System.arraycopy(c.data, c.len - k, out, end - k, k);
      end -= k;
      n -= k;
    }
  }

  /**
   * The last {@code n} bytes of the stream from the file into {@code out}, ending before {@code
   * end}.
   */
  private boolean readTail(int n, byte[] out, int end) {
    try {
      file.read(size - n, out, end - n, n);
      return true;
    } catch (IOException e) {
      Warnings.print(
          "cannot read the end of a captured stream back from its log file ("
              + e
              + "); the end of the output in memory is incomplete (the last "
              + n
              + " bytes)");
      return false;
    }
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
