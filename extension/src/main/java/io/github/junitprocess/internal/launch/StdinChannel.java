package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessIOException;
import io.github.junitprocess.internal.os.OwnedProcesses;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stdin of one process, as the test writes to it: writes are flushed at once and serialised; a
 * write that cannot reach the process fails with a {@link ProcessIOException} saying why (stdin
 * redirected from a file, closed, the process gone). Closing is idempotent; after the exit it only
 * marks stdin closed, and the JDK closes the pipe ({@link OwnedProcesses#PIPES_CLOSED_AT_EXIT}).
 */
final class StdinChannel {
  private final ManagedProcess process;

  /** The pipe to the process, or null when stdin is redirected from a file. */
  private final OutputStream out;

  private final Object lock = new Object();
  private volatile boolean closed;

  StdinChannel(ManagedProcess process, OutputStream out) {
    this.process = process;
    this.out = out;
    this.closed = out == null;
  }

  void write(byte[] bytes) {
    synchronized (lock) {
      if (out == null) {
        throw failure("stdin is redirected from " + process.plan().stdin(), null);
      }
      boolean exited = !process.isAlive();
      if (closed && !(exited && process.resultNow().stoppedByExtension())) {
        throw failure("stdin was closed (closeStdin(), or input given)", null);
      }
      if (exited) {
        throw failure("the process " + ProcessMessages.status(process), null);
      }
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        throw failure(
            e.getMessage()
                + (process.isAlive()
                    ? ""
                    : " (the process has exited: " + ProcessMessages.status(process) + ")"),
            e);
      }
    }
  }

  void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (OwnedProcesses.PIPES_CLOSED_AT_EXIT && !process.isAlive()) {
        return; // the JDK closes the pipe on the exit, as a stop's last step would
      }
      try {
        out.close();
      } catch (IOException ignored) {
        // the process has gone; its stdin is closed either way
      }
    }
  }

  private ProcessIOException failure(String why, IOException cause) {
    String message = ProcessMessages.stdinFailure(process, why);
    return cause == null ? new ProcessIOException(message) : new ProcessIOException(message, cause);
  }
}
