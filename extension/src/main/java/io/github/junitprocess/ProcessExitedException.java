package io.github.junitprocess;

import java.util.Optional;

/**
 * A process exited while the test was waiting on it (for readiness, or in {@link
 * Output#awaitLine}). The message names the command, the exit code or signal and the last lines of
 * output; {@link #result()} holds the full result when it is known.
 *
 * @since 0.1.0
 */
public class ProcessExitedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  private final transient ProcessResult result;

  /**
   * An exception with {@code message}.
   *
   * @param message what happened, with the process's identity and output tail
   * @since 0.1.0
   */
  public ProcessExitedException(String message) {
    this(message, (ProcessResult) null);
  }

  /**
   * An exception with {@code message} about the process whose result is {@code result}.
   *
   * @param message what happened, with the process's identity and output tail
   * @param result the result of the process that exited, or {@code null} when not known
   * @since 0.1.0
   */
  public ProcessExitedException(String message, ProcessResult result) {
    super(message);
    this.result = result;
  }

  /**
   * The result of the process that exited.
   *
   * @return the result, or empty when it is not known
   * @since 0.1.0
   */
  public Optional<ProcessResult> result() {
    return Optional.ofNullable(result);
  }
}
