package io.github.junitprocess;

/**
 * A deadline passed while waiting on a process: readiness, {@link Output#awaitLine}, {@link
 * SpawnedProcess#waitFor} or a run to completion. The message names the command, what was awaited,
 * the timeout and the last lines of output.
 */
public class ProcessTimeoutException extends ProcessException {
  private static final long serialVersionUID = 1L;

  public ProcessTimeoutException(String message) {
    super(message);
  }

  public ProcessTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
