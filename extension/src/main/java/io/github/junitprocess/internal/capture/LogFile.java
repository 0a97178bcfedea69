package io.github.junitprocess.internal.capture;

import io.github.junitprocess.internal.support.Warnings;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The on-disk copy of one output stream, created when its capture first writes to it; the name is
 * unique in its directory. It holds the stream from its first byte, so the stream's bytes are read
 * back at their own offsets ({@link #read}) while it is open: the capture reads its tail from here
 * instead of keeping it in memory. Neither a write nor a read is interruptible (an interrupted
 * reader must not close the file under the pump), and a file deleted while open is still read.
 */
public final class LogFile {
  /** Files older than this JVM are left over from an earlier run and may be overwritten. */
  private static final long JVM_START =
      ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);

  /**
   * The most one native read or write moves: the JDK copies through a native buffer of the call's
   * size, which for megabytes is a fresh mapping (page faults) each time, for this a reused one.
   */
  private static final int SLICE = 64 * 1024;

  /** Directories already warned about, so that a bad log dir is reported once, not per stream. */
  private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final String baseName;
  private final String suffix;
  private Path path;
  private RandomAccessFile out;
  private long written; // the file's length: where the next write goes
  private boolean pointerAtEnd = true; // false after a read moved the file pointer
  private boolean failed;

  /** No file: output is kept in memory only ({@code junit.process.log.enabled=false}). */
  public static LogFile disabled() {
    return new LogFile(null, "", "none");
  }

  boolean enabled() {
    return dir != null;
  }

  /** A log {@code dir/baseName.suffix.log}, e.g. {@code server-4711.stdout.log}. */
  public LogFile(Path dir, String baseName, String suffix) {
    this.dir = dir;
    this.baseName = baseName;
    this.suffix = "." + suffix + ".log";
  }

  /** The file, created empty if nothing was written yet. */
  synchronized Path path() {
    if (dir == null) {
      throw new IllegalStateException(
          "log files are disabled (junit.process.log.enabled=false); only the in-memory copy exists");
    }
    open();
    return path != null ? path : dir.resolve(baseName + suffix);
  }

  /**
   * Appends {@code len} bytes of {@code buf} from {@code off}; false when the file cannot be
   * written (now or since an earlier failure, warned about once). A full disk must not block or
   * kill the child: memory capture goes on, the file stops.
   */
  synchronized boolean write(byte[] buf, int off, int len) {
    open();
    if (out == null) {
      return false;
    }
    try {
      if (!pointerAtEnd) {
        out.seek(written);
        pointerAtEnd = true;
      }
      for (int done = 0; done < len; ) {
        int n = Math.min(SLICE, len - done);
        out.write(buf, off + done, n);
        written += n;
        done += n;
      }
      return true;
    } catch (IOException e) {
      failed = true;
      closeQuietly();
      warn(e);
      return false;
    }
  }

  /** Reads {@code len} bytes of the stream at {@code position}, all of them written before. */
  synchronized void read(long position, byte[] dst, int off, int len) throws IOException {
    if (out == null || position + len > written) {
      throw new IOException("the log file " + path + " is closed or shorter than expected");
    }
    pointerAtEnd = false;
    out.seek(position);
    int done = 0;
    while (done < len) {
      int r = out.read(dst, off + done, Math.min(SLICE, len - done));
      if (r < 0) {
        throw new EOFException("the log file " + path + " was truncated");
      }
      done += r;
    }
  }

  synchronized void close() {
    closeQuietly();
  }

  private void open() {
    if (path != null || failed || dir == null) {
      return; // opened once: after close() the file is complete
    }
    try {
      Files.createDirectories(dir);
      for (int i = 1; ; i++) {
        Path candidate = dir.resolve(i == 1 ? baseName + suffix : baseName + "-" + i + suffix);
        try {
          Files.createFile(candidate);
          path = candidate;
          break;
        } catch (FileAlreadyExistsException e) {
          if (Files.getLastModifiedTime(candidate).toMillis() < JVM_START) {
            path = candidate; // a stale log of an earlier run with a recycled pid
            Files.write(candidate, new byte[0]);
            break;
          }
          // the same name and pid earlier in this run: take the next number
        }
      }
      out = new RandomAccessFile(path.toFile(), "rw"); // created or emptied above
    } catch (IOException | SecurityException e) {
      failed = true;
      warn(e);
    }
  }

  private void warn(Exception e) {
    if (WARNED.add(dir)) {
      Warnings.print(
          "cannot write log files in "
              + dir
              + " ("
              + e
              + "); output beyond the in-memory capture limit is lost. Point"
              + " junit.process.log.dir at a writable directory, or set"
              + " junit.process.log.enabled=false.");
    }
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // nothing more to write
      }
      out = null;
    }
  }
}
