package io.github.junitprocess;

import java.util.Optional;

/**
 * A process exited while the test was waiting on it (for readiness, or in {@link
 * Output#awaitLine}). The message names the command, the exit code or signal and the last lines of
 * output; {@link #result()} holds the full result when it is known.
 */
public class ProcessExitedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  private final transient ProcessResult result;

  public ProcessExitedException(String message) {
    this(message, (ProcessResult) null);
  }

  public ProcessExitedException(String message, ProcessResult result) {
    super(message);
    this.result = result;
  }

  /** The result of the process that exited, when known. */
  public Optional<ProcessResult> result() {
    return Optional.ofNullable(result);
  }
}
