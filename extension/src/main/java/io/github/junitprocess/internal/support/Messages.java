package io.github.junitprocess.internal.support;

import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.ProcessResult;
import java.time.Duration;
import java.util.List;

/**
 * The wording of every message about a process: exit status, command line, output tails. Works on
 * plain values (results, strings), so that every room can use it; the messages about a live handle
 * are composed from these in {@code launch.ProcessMessages}.
 */
public final class Messages {

  /** Longest line shown in a message; the log file has it whole. */
  public static final int MAX_LINE_CHARS = 1000;

  private Messages() {}

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

  /** {@code Timed out after 5s waiting for ...}, then {@code details}. */
  public static String timeout(String what, Duration timeout, String details) {
    return "Timed out after " + Durations.format(timeout) + " " + what + "\n" + details;
  }

  /** {@code Interrupted while ...}, then {@code details}. */
  public static String interrupted(String what, String details) {
    return "Interrupted while " + what + "\n" + details;
  }

  /** {@code Process 'name' exited while ...}, then {@code details}. */
  public static String exitedWhile(String name, String what, String details) {
    return "Process '" + name + "' exited while " + what + "\n" + details;
  }

  public static String tails(List<String> out, List<String> err) {
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

  public static List<String> lastLines(List<String> lines) {
    return lines.subList(Math.max(0, lines.size() - ProcessFormat.TAIL_LINES), lines.size());
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
