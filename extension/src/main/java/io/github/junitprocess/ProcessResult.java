package io.github.junitprocess;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The immutable outcome of a process that has exited: exit status, captured output and timing.
 *
 * <p>Injected for a {@code ProcessResult} field or parameter annotated with {@link SpawnProcess}
 * (the process runs to completion before the test), returned by {@link Processes#run}, {@link
 * SpawnedProcess#waitFor}, {@link SpawnedProcess#stop()} and pool tasks. The exit code is never
 * asserted for you; use {@link #orThrow()} or the assertions module.
 */
public interface ProcessResult {

  /** The process's name (annotation {@code name}, the field or parameter name, or the spec's). */
  String name();

  /** The command as started, after placeholder expansion. */
  List<String> command();

  /**
   * The process this is the result of, when it is known: always for a result of the extension's own
   * processes (a {@code ProcessResult} injection, {@code processes.run}, {@code waitFor}, pool
   * tasks); empty for a {@code ProcessResult} made elsewhere (the default). The assertions module
   * reads its working directory, temp dir and ports from it to redact snapshots.
   *
   * @since 0.1.0
   */
  default Optional<SpawnedProcess> process() {
    return Optional.empty();
  }

  /** The operating-system process id the process had. */
  long pid();

  /** The exit code; {@code 128 + N} when the process was ended by signal {@code N}. */
  int exitCode();

  /**
   * The signal that ended the process, read from an exit code of {@code 128 + N} as the JDK and the
   * shell report it. A program that itself exits with 143 reads as {@link Signal#TERM}: the JDK
   * cannot tell the two apart.
   */
  default Optional<Signal> signal() {
    return Optional.ofNullable(Signal.fromExitCode(exitCode()));
  }

  /** {@code true} when {@link #exitCode()} is 0. */
  default boolean succeeded() {
    return exitCode() == 0;
  }

  /** {@code true} when the process was ended by {@code stop()}, {@code kill()} or teardown. */
  boolean stoppedByExtension();

  /** Captured stdout (UTF-8). */
  String stdout();

  /** Captured stderr (UTF-8); empty when stderr was merged into stdout. */
  String stderr();

  /** Captured stdout as lines. */
  List<String> stdoutLines();

  /** Captured stderr as lines. */
  List<String> stderrLines();

  /** Time from spawn to exit. */
  Duration duration();

  /**
   * Returns this result when the process succeeded.
   *
   * @throws ProcessFailedException with the command, exit code and output tail otherwise
   */
  default ProcessResult orThrow() {
    return orThrow(0);
  }

  /**
   * Returns this result when its exit code is one of {@code allowedExitCodes}.
   *
   * @throws ProcessFailedException with the command, exit code and output tail otherwise
   */
  default ProcessResult orThrow(int... allowedExitCodes) {
    int code = exitCode();
    if (Arrays.stream(allowedExitCodes).anyMatch(allowed -> allowed == code)) {
      return this;
    }
    throw new ProcessFailedException(this);
  }
}
