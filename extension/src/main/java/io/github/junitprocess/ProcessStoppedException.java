package io.github.junitprocess;

/**
 * A pooled task did not run to completion because its pool was shut down at the end of its scope
 * (queued tasks are cancelled, running ones stopped). The message names the command.
 *
 * @since 0.1.0
 */
public class ProcessStoppedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what happened, with the process's identity and output tail
   * @since 0.1.0
   */
  public ProcessStoppedException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message}, caused by {@code cause}.
   *
   * @param message what happened, with the process's identity and output tail
   * @param cause the underlying failure
   * @since 0.1.0
   */
  public ProcessStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
