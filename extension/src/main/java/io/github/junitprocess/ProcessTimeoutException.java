package io.github.junitprocess;

/**
 * A deadline passed while waiting on a process: readiness, {@link Output#awaitLine}, {@link
 * SpawnedProcess#waitFor} or a run to completion. The message names the command, what was awaited,
 * the timeout and the last lines of output.
 *
 * @since 0.1.0
 */
public class ProcessTimeoutException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what happened, with the process's identity and output tail
   * @since 0.1.0
   */
  public ProcessTimeoutException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message}, caused by {@code cause}.
   *
   * @param message what happened, with the process's identity and output tail
   * @param cause the underlying failure
   * @since 0.1.0
   */
  public ProcessTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
