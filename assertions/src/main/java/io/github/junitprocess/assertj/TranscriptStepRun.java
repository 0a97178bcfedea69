package io.github.junitprocess.assertj;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one transcript step: {@code sh -c COMMAND} in the transcript's working directory, started by
 * the engine in the block's scope ({@link Processes}), stdin at end of file, stdout and stderr
 * merged into one pipe in the order the program writes them. Its output is captured as any
 * process's is; the step's result is complete when the shell exits, even if a background job still
 * holds the pipe. A step still running at its timeout is killed with its descendants; whatever the
 * steps leave running is stopped with the block's scope, and ended by the reaper if the JVM dies.
 */
final class TranscriptStepRun {
  /**
   * What a step did. {@code timedOut}: it was killed at the timeout, {@code exitCode} is then -1.
   */
  record Outcome(long pid, int exitCode, String output, boolean timedOut) {}

  private TranscriptStepRun() {}

  static Outcome run(
      Processes processes,
      String command,
      Path workingDir,
      Map<String, String> env,
      List<String> removed,
      Duration timeout) {
    ProcessSpec spec =
        ProcessSpec.of("sh", "-c", command)
            .workingDir(workingDir)
            .env(env)
            .mergeStderr(true)
            .input(new byte[0]); // the step reads end of file, never waits for input
    removed.forEach(spec::removeEnv);
    SpawnedProcess process = processes.start(spec);
    try {
      ProcessResult result = process.waitFor(timeout);
      return new Outcome(process.pid(), result.exitCode(), result.stdout(), false);
    } catch (ProcessTimeoutException e) {
      ProcessResult killed = process.kill();
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while running sh -c '" + command + "'", e);
      }
      return new Outcome(process.pid(), -1, killed.stdout(), true);
    }
  }
}
