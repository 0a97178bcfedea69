package io.github.junitprocess.internal.capture;

import java.nio.file.Path;

/**
 * When a stream's {@link LogFile} is written: from the moment memory is about to drop bytes (then
 * the pump writes every chunk to it), or when someone asks for the file. It begins with what memory
 * holds, which is everything so far, so a stream that stays within the capture limit and whose log
 * nobody asks for never costs a file.
 *
 * <p>Its {@link OutputCapture}'s lock guards it, except {@link #write} and {@link #path}, which the
 * {@link LogFile} guards itself, so that the pump writes to disk without holding the lock.
 */
final class LogSpill {
  private final LogFile file;
  private final HeadTailBuffer memory;
  private boolean spilling;
  private boolean ended;

  LogSpill(LogFile file, HeadTailBuffer memory) {
    this.file = file;
    this.memory = memory;
  }

  boolean enabled() {
    return file.enabled();
  }

  /** Before memory takes {@code n} more bytes: if it would drop some, the file keeps them. */
  void beforeAppend(int n) {
    if (!spilling && file.enabled() && memory.wouldOverflow(n)) {
      start();
    }
  }

  /** True once every chunk the pump reads goes to the file. */
  boolean spilling() {
    return spilling;
  }

  /** A chunk the pump read, once {@link #spilling()}; called without the capture's lock. */
  void write(byte[] buf, int off, int len) {
    file.write(buf, off, len);
  }

  /** The stream has ended: the file is complete. */
  void streamEnded() {
    file.close(); // a later reader still gets the file, from memory, which then holds everything
    ended = true;
  }

  /** Makes the file hold the stream so far, for someone who asked for it. */
  void startForReader() {
    if (!spilling && file.enabled()) {
      start();
      if (ended) {
        file.close();
      }
    }
  }

  /** The file, created empty if nothing was written yet; called without the capture's lock. */
  Path path() {
    return file.path();
  }

  private void start() {
    byte[] sofar = memory.bytes();
    file.write(sofar, 0, sofar.length);
    spilling = true;
  }
}
