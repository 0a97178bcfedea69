package io.github.junitprocess.assertj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one transcript step: {@code sh -c COMMAND} in the transcript's working directory, stdin at
 * end of file, stdout and stderr merged into one pipe in the order the program writes them. The
 * output is read on a thread of the step's own, named {@code transcript-output}, which ends with
 * the stream. A step still running at its timeout is killed with its descendants.
 */
final class TranscriptStepRun {
  /** How long the output may go on after the shell exits (a background job holding the pipe). */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  /**
   * What a step did. {@code timedOut}: it was killed at the timeout, {@code exitCode} is then -1.
   */
  record Outcome(long pid, int exitCode, String output, boolean timedOut) {}

  private TranscriptStepRun() {}

  static Outcome run(
      String command,
      Path workingDir,
      Map<String, String> env,
      List<String> removed,
      Duration timeout) {
    ProcessBuilder builder =
        new ProcessBuilder("sh", "-c", command)
            .directory(workingDir.toFile())
            .redirectErrorStream(true);
    removed.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run sh -c '" + command + "': " + e.getMessage(), e);
    }
    try {
      process.getOutputStream().close(); // the step reads end of file, never waits for input
    } catch (IOException e) {
      // it has already exited; its output says why
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "transcript-output");
    reader.setDaemon(true);
    reader.start();
    boolean exited;
    try {
      exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
      }
      reader.join(DRAIN.toMillis());
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running sh -c '" + command + "'", e);
    }
    String text;
    synchronized (output) {
      text = output.toString(StandardCharsets.UTF_8);
    }
    return new Outcome(process.pid(), exited ? process.exitValue() : -1, text, !exited);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // the stream was closed under the reader: what was read is the output
    }
  }
}
