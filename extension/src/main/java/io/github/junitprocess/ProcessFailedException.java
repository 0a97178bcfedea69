package io.github.junitprocess;

import io.github.junitprocess.internal.support.Messages;

/**
 * Thrown by {@link ProcessResult#orThrow()} when a process exited with a code that was not allowed.
 * The message shows the command, the exit status and the last lines of output.
 *
 * @since 0.1.0
 */
public class ProcessFailedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  private final transient ProcessResult result;

  /**
   * An exception about {@code result}, its message built from it.
   *
   * @param result the result that was not accepted
   * @since 0.1.0
   */
  public ProcessFailedException(ProcessResult result) {
    super(Messages.failed(result));
    this.result = result;
  }

  /**
   * The result that was not accepted.
   *
   * @return the result
   * @since 0.1.0
   */
  public ProcessResult result() {
    return result;
  }
}
