package io.github.junitprocess;

import io.github.junitprocess.internal.support.Messages;

/**
 * Thrown by {@link ProcessResult#orThrow()} when a process exited with a code that was not allowed.
 * The message shows the command, the exit status and the last lines of output.
 */
public class ProcessFailedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  private final transient ProcessResult result;

  public ProcessFailedException(ProcessResult result) {
    super(Messages.failed(result));
    this.result = result;
  }

  /** The result that was not accepted. */
  public ProcessResult result() {
    return result;
  }
}
