package io.github.junitprocess;

/**
 * Writing to a process's stdin or reading its output failed, for example because the process has
 * exited. The message names the command and the cause.
 *
 * @since 0.1.0
 */
public class ProcessIOException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what happened, with the process's identity and output tail
   * @since 0.1.0
   */
  public ProcessIOException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message}, caused by {@code cause}.
   *
   * @param message what happened, with the process's identity and output tail
   * @param cause the underlying failure
   * @since 0.1.0
   */
  public ProcessIOException(String message, Throwable cause) {
    super(message, cause);
  }
}
