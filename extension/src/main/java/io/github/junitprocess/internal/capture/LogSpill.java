package io.github.junitprocess.internal.capture;

import java.nio.file.Path;

/**
 * When a stream's {@link LogFile} is written: from the moment memory is about to drop bytes (then
 * every chunk goes to it), or when someone asks for the file. It begins with what memory holds,
 * which is everything so far, so a stream that stays within the capture limit and whose log nobody
 * asks for never costs a file.
 *
 * <p>While the file holds the whole stream, memory keeps only the head and reads its tail back from
 * the file ({@link HeadTailBuffer#tailInFile}): a child that writes hundreds of MiB costs the read
 * and the file write, not a third copy in memory. When the stream ends, or the file fails (a full
 * disk), memory takes its tail back from the file, so that the file may be deleted later.
 *
 * <p>Its {@link OutputCapture}'s lock guards it, file writes included: the file is then as long as
 * memory's count whenever a reader holds the lock. {@link #path} is called without the lock; the
 * {@link LogFile} guards itself.
 */
final class LogSpill {
  private final LogFile file;
  private final HeadTailBuffer memory;
  private boolean spilling;
  private boolean tailInFile;
  private boolean ended;

  LogSpill(LogFile file, HeadTailBuffer memory) {
    this.file = file;
    this.memory = memory;
  }

  boolean enabled() {
    return file.enabled();
  }

  /**
   * A chunk the pump read, {@code n} bytes of {@code buf}: to the file once memory is about to drop
   * bytes (or someone asked for the file), then to memory.
   *
   * @return the array to read into next ({@link HeadTailBuffer#appendOwned})
   */
  byte[] append(byte[] buf, int n) {
    if (!spilling && file.enabled() && memory.wouldOverflow(n)) {
      start();
    }
    if (spilling && !file.write(buf, 0, n)) {
      fileFailed(); // memory holds the stream before this chunk; it keeps the chunk too
    }
    return memory.appendOwned(buf, n);
  }

  /** True once every chunk the pump reads goes to the file. */
  boolean spilling() {
    return spilling;
  }

  /** The stream has ended: the file is complete, and memory holds its tail again. */
  void streamEnded() {
    takeTailBack();
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
    spilling = true;
    if (memory.writeTo(file::write) && !ended) { // everything so far: memory has dropped nothing
      memory.tailInFile(file::read);
      tailInFile = true;
    }
  }

  private void fileFailed() {
    takeTailBack();
    file.close();
  }

  private void takeTailBack() {
    if (tailInFile) {
      memory.tailToMemory();
      tailInFile = false;
    }
  }
}
