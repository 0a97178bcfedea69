package io.github.junitprocess.pool;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Named pipes that hold shell tasks until the test releases them: a task blocks in {@code read x <
 * gate-N} until {@link #open(int)} writes a line. Lets tests control overlap without sleeping.
 */
final class Gates {
  private final Path dir;

  Gates(Path dir, int count) throws IOException, InterruptedException {
    this.dir = dir;
    List<String> cmd = new ArrayList<>(List.of("mkfifo"));
    for (int i = 0; i < count; i++) {
      cmd.add(path(i));
    }
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("mkfifo failed: " + cmd);
    }
  }

  String path(int i) {
    return dir.resolve("gate-" + i).toString();
  }

  /** A shell snippet that prints {@code started N} then waits for gate N. */
  String waitFor(int i) {
    return "echo started " + i + "; read x < " + path(i);
  }

  /**
   * Releases the task waiting on gate {@code i}. Only call it for a task that is running: opening a
   * pipe for writing waits for its reader.
   */
  void open(int i) throws Exception {
    CompletableFuture.runAsync(
            () -> {
              try (FileOutputStream out = new FileOutputStream(path(i))) {
                out.write("go\n".getBytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .get(10, TimeUnit.SECONDS);
  }
}
