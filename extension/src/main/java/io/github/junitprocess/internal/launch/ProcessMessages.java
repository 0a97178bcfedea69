package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.internal.support.Messages;
import java.time.Duration;

/**
 * The messages about one live process: its identity, command, working dir, status and output tails,
 * composed with the wording of {@link Messages}.
 */
public final class ProcessMessages {
  private ProcessMessages() {}

  /** {@code process 'server' (pid 123)}. */
  public static String identity(ManagedProcess p) {
    return "process '" + p.name() + "' (pid " + p.pid() + nameNote(p) + ")";
  }

  /** Says so when the name is the compiler's ({@code arg0}), not the user's. */
  private static String nameNote(ManagedProcess p) {
    return p.plan().syntheticName()
        ? "; '"
            + p.name()
            + "' is the compiler's name for the parameter: compile with -parameters, or set name"
        : "";
  }

  /** Why nothing could be written to the stdin of {@code p}, with its command. */
  public static String stdinFailure(ManagedProcess p, String why) {
    return "Cannot write to the stdin of "
        + identity(p)
        + ": "
        + why
        + "\n  command: "
        + Messages.commandLine(p.command());
  }

  /** The problem of a process that survived its stop's final KILL, for a close to report. */
  public static ProcessException notKilled(ManagedProcess p) {
    return new ProcessException("could not kill every process of " + p);
  }

  public static String status(ManagedProcess p) {
    ProcessResult r = p.isAlive() ? null : p.resultNow();
    return r == null ? Messages.stillRunning(p.pid()) : Messages.exitStatus(r);
  }

  public static String timeout(ManagedProcess p, String what, Duration timeout) {
    return Messages.timeout(what, timeout, details(p));
  }

  /**
   * A process that did not start or become ready in time: as {@link #timeout}, with its log files,
   * which are written now, so that its whole output is kept.
   */
  public static String startTimeout(ManagedProcess p, String what, Duration timeout) {
    return timeout(p, what, timeout) + logs(p);
  }

  /** A process that exited before it was ready: with its log files, written now. */
  public static String exitedWhileStarting(ManagedProcess p, String what) {
    return exitedWhile(p, what) + logs(p);
  }

  public static String interrupted(ManagedProcess p, String what) {
    return Messages.interrupted(what, details(p));
  }

  public static String exitedWhile(ManagedProcess p, String what) {
    return Messages.exitedWhile(p.name(), what, details(p));
  }

  /** Identity, command, working dir, status and output tails. */
  public static String details(ManagedProcess p) {
    return "  process: '"
        + p.name()
        + "' (pid "
        + p.pid()
        + nameNote(p)
        + ")\n  command: "
        + Messages.commandLine(p.command())
        + (p.plan().terminal() == null ? "" : "\n  terminal: " + p.plan().terminal())
        + "\n  working dir: "
        + p.workingDir()
        + "\n  status: "
        + status(p)
        + "\n"
        + Messages.tails(
            p.stdoutCapture().tail(ProcessFormat.TAIL_LINES),
            p.plan().mergeStderr() ? null : p.stderrCapture().tail(ProcessFormat.TAIL_LINES));
  }

  /** The report attached to a failed test for one process. */
  public static String report(ManagedProcess p) {
    return "Output of process '"
        + p.name()
        + "' at the time of the failure\n"
        + details(p)
        + logs(p);
  }

  /** {@code logs: out.log, err.log}, writing the files if they are not yet; empty without logs. */
  private static String logs(ManagedProcess p) {
    if (!p.stdoutCapture().hasLogFile()) {
      return "";
    }
    return "  logs: "
        + p.stdoutCapture().logFile()
        + (p.plan().mergeStderr() ? "" : ", " + p.stderrCapture().logFile());
  }
}
