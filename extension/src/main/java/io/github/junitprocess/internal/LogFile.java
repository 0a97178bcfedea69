package io.github.junitprocess.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The on-disk copy of one output stream. Created on the first byte (or when asked for), so a quiet
 * process costs no file; the name is unique in its directory.
 */
final class LogFile {
  private final Path dir;
  private final String baseName;
  private Path path;
  private OutputStream out;
  private boolean failed;
  private boolean closed;

  LogFile(Path dir, String baseName) {
    this.dir = dir;
    this.baseName = baseName;
  }

  /** The file, created empty if nothing was written yet. */
  synchronized Path path() {
    create();
    return path != null ? path : dir.resolve(baseName + ".log");
  }

  synchronized void write(byte[] buf, int off, int len) {
    open();
    if (out == null) {
      return;
    }
    try {
      out.write(buf, off, len);
    } catch (IOException e) {
      // a full disk must not block or kill the child: memory capture goes on, the file stops
      failed = true;
      closeQuietly();
    }
  }

  synchronized void close() {
    closed = true;
    closeQuietly();
  }

  private void open() {
    if (out != null || failed || closed) {
      return;
    }
    create();
    if (path == null) {
      return;
    }
    try {
      out = new FileOutputStream(path.toFile(), true);
    } catch (IOException | SecurityException e) {
      failed = true;
    }
  }

  /** Creates the file under a name unique in its directory, once. */
  private void create() {
    if (path != null || failed) {
      return;
    }
    try {
      Files.createDirectories(dir);
      for (int i = 1; ; i++) {
        Path candidate = dir.resolve(i == 1 ? baseName + ".log" : baseName + "-" + i + ".log");
        try {
          Files.createFile(candidate);
          path = candidate;
          return;
        } catch (FileAlreadyExistsException e) {
          // another process of the same name and pid earlier in this run: try the next suffix
        }
      }
    } catch (IOException | SecurityException e) {
      failed = true;
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
