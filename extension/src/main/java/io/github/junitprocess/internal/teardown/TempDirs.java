package io.github.junitprocess.internal.teardown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@code ${tempDir}} and {@code ${tempDir.NAME}} directories: each is made known to the {@link
 * Reaper} when it is created, so that it is deleted even when the JVM dies before its owner deletes
 * it.
 */
public final class TempDirs {
  private TempDirs() {}

  /** A fresh directory under the system temp dir, registered with the reaper when it is on. */
  public static Path create(boolean reaperEnabled) {
    Path dir;
    try {
      dir = Files.createTempDirectory("junit-process-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    Reaper.registerTempDir(reaperEnabled, dir);
    return dir;
  }

  /** Deletes {@code dir} and everything in it; nothing happens when it is gone already. */
  public static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
