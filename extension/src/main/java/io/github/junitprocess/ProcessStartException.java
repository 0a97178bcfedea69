package io.github.junitprocess;

/**
 * A process could not be spawned: command not found or not executable, or its working directory or
 * stdin file is missing. The message names the command, the working directory, the operating
 * system's reason and, for a bare command name, the PATH that was searched.
 */
public class ProcessStartException extends ProcessException {
  private static final long serialVersionUID = 1L;

  public ProcessStartException(String message) {
    super(message);
  }

  public ProcessStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
