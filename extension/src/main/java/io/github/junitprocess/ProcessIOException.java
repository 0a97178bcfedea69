package io.github.junitprocess;

/**
 * Writing to a process's stdin or reading its output failed, for example because the process has
 * exited. The message names the command and the cause.
 */
public class ProcessIOException extends ProcessException {
  private static final long serialVersionUID = 1L;

  public ProcessIOException(String message) {
    super(message);
  }

  public ProcessIOException(String message, Throwable cause) {
    super(message, cause);
  }
}
