package io.github.junitprocess.assertj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Reading and writing snapshot files. A write goes to a temporary file next to the snapshot and is
 * moved over it atomically, so a reader (another test, another JVM) sees the old file or the new
 * one, never a part; within one JVM, the read-compare-write of one file is done by one thread at a
 * time.
 */
final class SnapshotFiles {
  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private SnapshotFiles() {}

  /** Runs {@code work} while no other thread of this JVM works on {@code file}. */
  static <T> T exclusively(Path file, Supplier<T> work) {
    Object lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
    synchronized (lock) {
      return work.get();
    }
  }

  /** The file's text with {@code \r\n} read as {@code \n}; empty when there is no such file. */
  static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code text} to {@code file} atomically, creating its directories. */
  static void write(Path file, String text) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write snapshot " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // the write already failed; that is what gets reported
        }
      }
    }
  }
}
