package io.github.junitprocess.internal;

import io.github.junitprocess.ProcessResult;
import java.time.Duration;
import java.util.List;

/**
 * Builds every message about a process: its identity, its exit status and the tail of its output.
 * Public only so that the public exception types can use it.
 */
public final class Messages {
  /** Lines of each stream shown in a message. */
  public static final int TAIL_LINES = 20;

  /** Longest line shown in a message; the log file has it whole. */
  static final int MAX_LINE_CHARS = 1000;

  private Messages() {}

  /** {@code process 'server' (pid 123)}. */
  static String identity(ManagedProcess p) {
    return "process '" + p.name() + "' (pid " + p.pid() + nameNote(p) + ")";
  }

  /** Says so when the name is the compiler's ({@code arg0}), not the user's. */
  private static String nameNote(ManagedProcess p) {
    return p.plan().syntheticName
        ? "; '"
            + p.name()
            + "' is the compiler's name for the parameter: compile with -parameters, or set name"
        : "";
  }

  /** Why nothing could be written to the stdin of {@code p}, with its command. */
  static String stdinFailure(ManagedProcess p, String why) {
    return "Cannot write to the stdin of "
        + identity(p)
        + ": "
        + why
        + "\n  command: "
        + commandLine(p.command());
  }

  /**
   * How a process ended, worded alike in every message of the library: {@code exited with exit code
   * 1}, {@code was killed by signal TERM (exit code 143)}, followed by {@code , stopped by the
   * extension} when it did not end on its own.
   */
  public static String exitStatus(ProcessResult r) {
    String s =
        r.signal()
            .map(sig -> "was killed by signal " + sig + " (exit code " + r.exitCode() + ")")
            .orElse("exited with exit code " + r.exitCode());
    return r.stoppedByExtension() ? s + ", stopped by the extension" : s;
  }

  /** {@code still running (pid 123)}: the status of a live process, worded alike everywhere. */
  public static String stillRunning(long pid) {
    return "still running (pid " + pid + ")";
  }

  static String status(ManagedProcess p) {
    ProcessResult r = p.isAlive() ? null : p.resultNow();
    return r == null ? stillRunning(p.pid()) : exitStatus(r);
  }

  /** The message of {@code ProcessFailedException}. */
  public static String failed(ProcessResult r) {
    return "Process '"
        + r.name()
        + "' failed: it "
        + exitStatus(r)
        + "\n  command: "
        + commandLine(r.command())
        + "\n"
        + tails(lastLines(r.stdoutLines()), lastLines(r.stderrLines()));
  }

  static String timeout(ManagedProcess p, String what, Duration timeout) {
    return "Timed out after " + Durations.format(timeout) + " " + what + "\n" + details(p);
  }

  /**
   * A process that did not start or become ready in time: as {@link #timeout}, with its log files,
   * which are written now, so that its whole output is kept.
   */
  static String startTimeout(ManagedProcess p, String what, Duration timeout) {
    return timeout(p, what, timeout) + logs(p);
  }

  /** A process that exited before it was ready: with its log files, written now. */
  static String exitedWhileStarting(ManagedProcess p, String what) {
    return exitedWhile(p, what) + logs(p);
  }

  static String interrupted(ManagedProcess p, String what) {
    return "Interrupted while " + what + "\n" + details(p);
  }

  static String exitedWhile(ManagedProcess p, String what) {
    return "Process '" + p.name() + "' exited while " + what + "\n" + details(p);
  }

  /** Identity, command, working dir, status and output tails. */
  static String details(ManagedProcess p) {
    return "  process: '"
        + p.name()
        + "' (pid "
        + p.pid()
        + nameNote(p)
        + ")\n  command: "
        + commandLine(p.command())
        + "\n  working dir: "
        + p.workingDir()
        + "\n  status: "
        + status(p)
        + "\n"
        + tails(
            p.stdoutCapture().tail(TAIL_LINES),
            p.plan().mergeStderr ? null : p.stderrCapture().tail(TAIL_LINES));
  }

  /** The report attached to a failed test for one process. */
  static String report(ManagedProcess p) {
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
        + (p.plan().mergeStderr ? "" : ", " + p.stderrCapture().logFile());
  }

  static String tails(List<String> out, List<String> err) {
    StringBuilder sb = new StringBuilder();
    block(sb, "stdout", out);
    if (err != null) {
      block(sb, "stderr", err);
    }
    return sb.toString();
  }

  private static void block(StringBuilder sb, String label, List<String> lines) {
    if (lines.isEmpty()) {
      sb.append("  ").append(label).append(": (empty)\n");
      return;
    }
    sb.append("  ").append(label).append(" (last ").append(lines.size()).append(" lines):\n");
    for (String line : lines) {
      sb.append("    | ").append(shorten(line)).append('\n');
    }
  }

  private static final int MAX_ARGS = 100;

  private static String shorten(String line) {
    if (line.length() <= MAX_LINE_CHARS) {
      return line;
    }
    return line.substring(0, MAX_LINE_CHARS)
        + " [... "
        + (line.length() - MAX_LINE_CHARS)
        + " more characters]";
  }

  static List<String> lastLines(List<String> lines) {
    return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
  }

  /**
   * The command as a shell would show it, quoting arguments with spaces. A message stays readable
   * however long the command: an argument is cut after {@value #MAX_LINE_CHARS} characters, and
   * past {@value #MAX_ARGS} arguments only the count of the rest is shown.
   */
  public static String commandLine(List<String> command) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (String full : command) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (shown++ == MAX_ARGS) {
        sb.append("[... ").append(command.size() - MAX_ARGS).append(" more arguments]");
        break;
      }
      String arg = shorten(full);
      if (arg.isEmpty() || arg.chars().anyMatch(c -> " \t\n'\"\\$`|&;<>()*?#~".indexOf(c) >= 0)) {
        sb.append('\'').append(arg.replace("'", "'\\''")).append('\'');
      } else {
        sb.append(arg);
      }
    }
    return sb.toString();
  }
}
