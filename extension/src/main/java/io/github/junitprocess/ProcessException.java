package io.github.junitprocess;

/**
 * Base class of every exception junit-process throws about a process. Unchecked.
 *
 * @since 0.1.0
 */
public class ProcessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what happened, with the process's identity and output tail
   * @since 0.1.0
   */
  public ProcessException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message}, caused by {@code cause}.
   *
   * @param message what happened, with the process's identity and output tail
   * @param cause the underlying failure
   * @since 0.1.0
   */
  public ProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
