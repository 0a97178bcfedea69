package io.github.junitprocess;

/** Base class of every exception junit-process throws about a process. Unchecked. */
public class ProcessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProcessException(String message) {
    super(message);
  }

  public ProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
