package io.github.junitprocess;

/**
 * A process could not be spawned: command not found or not executable, or its working directory or
 * stdin file is missing. The message names the command, the working directory, the operating
 * system's reason and, for a bare command name, the PATH that was searched.
 *
 * @since 0.1.0
 */
public class ProcessStartException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what happened, with the process's identity and output tail
   * @since 0.1.0
   */
  public ProcessStartException(String message) {
    super(message);
  }

  /**
   * An exception with {@code message}, caused by {@code cause}.
   *
   * @param message what happened, with the process's identity and output tail
   * @param cause the underlying failure
   * @since 0.1.0
   */
  public ProcessStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
