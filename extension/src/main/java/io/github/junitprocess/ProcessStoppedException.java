package io.github.junitprocess;

/**
 * A pooled task did not run to completion because its pool was shut down at the end of its scope
 * (queued tasks are cancelled, running ones stopped). The message names the command.
 */
public class ProcessStoppedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  public ProcessStoppedException(String message) {
    super(message);
  }

  public ProcessStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
