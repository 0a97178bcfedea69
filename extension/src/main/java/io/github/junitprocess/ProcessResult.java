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
 *
 * <p>Meant for users; it is not meant to be implemented outside the library.
 *
 * @since 0.1.0
 */
public interface ProcessResult {

  /**
   * The process's name.
   *
   * @return the annotation's {@code name}, the field or parameter name, or the spec's name
   * @since 0.1.0
   */
  String name();

  /**
   * The command as started.
   *
   * @return the program and its arguments after placeholder expansion, unmodifiable
   * @since 0.1.0
   */
  List<String> command();

  /**
   * The process this is the result of, when it is known: always for a result of the extension's own
   * processes (a {@code ProcessResult} injection, {@code processes.run}, {@code waitFor}, pool
   * tasks); empty for a {@code ProcessResult} made elsewhere (the default). The assertions module
   * reads its working directory, temp dir and ports from it to redact snapshots.
   *
   * @return the process, or empty when it is not known
   * @since 0.1.0
   */
  default Optional<SpawnedProcess> process() {
    return Optional.empty();
  }

  /**
   * The operating-system process id the process had.
   *
   * @return the pid (which the system may since have given to another process)
   * @since 0.1.0
   */
  long pid();

  /**
   * The exit code.
   *
   * @return the exit code; {@code 128 + N} when the process was ended by signal {@code N}
   * @since 0.1.0
   */
  int exitCode();

  /**
   * The signal that ended the process, read from an exit code of {@code 128 + N} as the JDK and the
   * shell report it. A program that itself exits with 143 reads as {@link Signal#TERM}: the JDK
   * cannot tell the two apart.
   *
   * @return the signal, or empty for an exit code below 129 or of no known signal
   * @since 0.1.0
   */
  default Optional<Signal> signal() {
    return Optional.ofNullable(Signal.fromExitCode(exitCode()));
  }

  /**
   * Whether the process succeeded.
   *
   * @return {@code true} when {@link #exitCode()} is 0
   * @since 0.1.0
   */
  default boolean succeeded() {
    return exitCode() == 0;
  }

  /**
   * Whether the extension ended the process.
   *
   * @return {@code true} when the process was ended by {@code stop()}, {@code kill()} or teardown,
   *     {@code false} when it exited on its own
   * @since 0.1.0
   */
  boolean stoppedByExtension();

  /**
   * The captured stdout.
   *
   * @return the text decoded as UTF-8 (head and tail only beyond {@code
   *     junit.process.capture.limit}; the log file has everything)
   * @since 0.1.0
   */
  String stdout();

  /**
   * The captured stderr.
   *
   * @return the text decoded as UTF-8; empty when stderr was merged into stdout
   * @since 0.1.0
   */
  String stderr();

  /**
   * The captured stdout in lines.
   *
   * @return {@link #stdout()} split at {@code \n} or {@code \r\n}, without line ends
   * @since 0.1.0
   */
  List<String> stdoutLines();

  /**
   * The captured stderr in lines.
   *
   * @return {@link #stderr()} split at {@code \n} or {@code \r\n}, without line ends
   * @since 0.1.0
   */
  List<String> stderrLines();

  /**
   * How long the process ran.
   *
   * @return the time from spawn to exit
   * @since 0.1.0
   */
  Duration duration();

  /**
   * Returns this result when the process succeeded.
   *
   * @return this result
   * @throws ProcessFailedException with the command, exit code and output tail otherwise
   * @since 0.1.0
   */
  default ProcessResult orThrow() {
    return orThrow(0);
  }

  /**
   * Returns this result when its exit code is one of {@code allowedExitCodes}.
   *
   * @param allowedExitCodes the exit codes that count as success
   * @return this result
   * @throws ProcessFailedException with the command, exit code and output tail otherwise
   * @since 0.1.0
   */
  default ProcessResult orThrow(int... allowedExitCodes) {
    int code = exitCode();
    if (Arrays.stream(allowedExitCodes).anyMatch(allowed -> allowed == code)) {
      return this;
    }
    throw new ProcessFailedException(this);
  }
}
