package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a failure message says about a process: its name and command, its exit status, and the last
 * lines of its stdout and stderr. Every assertion of this package renders its message here, so all
 * of them look alike.
 *
 * <p>A description is a snapshot: for a live process it is taken when the assertion fails.
 */
final class ProcessDescription {
  private final String subject;
  private final List<String> header;
  private final List<String> stdout;
  private final String stdoutLabel;
  private final List<String> stderr;

  private ProcessDescription(
      String subject,
      List<String> header,
      String stdoutLabel,
      List<String> stdout,
      List<String> stderr) {
    this.subject = subject;
    this.header = header;
    this.stdoutLabel = stdoutLabel;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** A process that has exited. */
  static ProcessDescription of(ProcessResult result) {
    List<String> header = new ArrayList<>();
    header.add("process: '" + result.name() + "' (pid " + result.pid() + ")");
    header.add("command: " + ProcessFormat.commandLine(result.command()));
    header.add("status: " + outcome(result));
    return new ProcessDescription(
        subject(result.name()), header, "stdout", result.stdoutLines(), result.stderrLines());
  }

  /** A process as it is now: exited, with its result, or still running. */
  static ProcessDescription of(SpawnedProcess process) {
    Optional<ProcessResult> result = process.result();
    List<String> header = new ArrayList<>();
    header.add("process: '" + process.name() + "' (pid " + process.pid() + ")");
    header.add("command: " + ProcessFormat.commandLine(process.command()));
    header.add("status: " + result.map(ProcessDescription::outcome).orElse(stillRunning(process)));
    logFile(process.stdout())
        .ifPresent(
            out ->
                header.add(
                    "logs: " + out + logFile(process.stderr()).map(err -> ", " + err).orElse("")));
    List<String> out = result.map(ProcessResult::stdoutLines).orElseGet(process.stdout()::lines);
    List<String> err = result.map(ProcessResult::stderrLines).orElseGet(process.stderr()::lines);
    return new ProcessDescription(subject(process.name()), header, "stdout", out, err);
  }

  /** One stream known only as an {@link Output}, without the process it belongs to. */
  static ProcessDescription of(Output output) {
    Path log = logFile(output).orElse(null);
    List<String> header = new ArrayList<>();
    header.add(
        "output: "
            + output.size()
            + " bytes"
            + (output.truncated() ? ", the middle not kept in memory" : "")
            + (log == null ? "" : ", logged to " + log));
    return new ProcessDescription(
        "output '" + (log == null ? "?" : log.getFileName()) + "'",
        header,
        "output",
        output.lines(),
        null);
  }

  /** The log file, absent when log files are disabled. */
  private static Optional<Path> logFile(Output output) {
    try {
      return Optional.of(output.logFile());
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** {@code process 'name'}, the subject of a headline. */
  String subject() {
    return subject;
  }

  /** {@code headline}, then the details block. */
  String failure(String headline) {
    // a leading newline, as in AssertJ's own messages, keeps soft-assertion reports readable
    StringBuilder sb = new StringBuilder("\n").append(headline).append('\n');
    appendDetails(sb);
    return sb.toString();
  }

  /** The details block alone: header lines and the output tails, each indented. */
  String details() {
    StringBuilder sb = new StringBuilder();
    appendDetails(sb);
    return sb.toString();
  }

  private void appendDetails(StringBuilder sb) {
    int tail = AssertionSettings.tailLines();
    for (String line : header) {
      sb.append("  ").append(line).append('\n');
    }
    appendTail(sb, stdoutLabel, stdout, tail);
    if (stderr != null) {
      appendTail(sb, "stderr", stderr, tail);
    }
  }

  private static void appendTail(StringBuilder sb, String label, List<String> lines, int tail) {
    if (lines.isEmpty()) {
      sb.append("  ").append(label).append(": (empty)\n");
      return;
    }
    List<String> shown = lines.subList(Math.max(0, lines.size() - tail), lines.size());
    sb.append("  ").append(label).append(" (");
    if (shown.size() < lines.size()) {
      sb.append("last ").append(shown.size()).append(" of ");
    }
    sb.append(lines.size()).append(lines.size() == 1 ? " line):\n" : " lines):\n");
    for (String line : shown) {
      sb.append("    | ").append(line).append('\n');
    }
  }

  private static String subject(String name) {
    return "process '" + name + "'";
  }

  /**
   * How the process ended: {@code exited with exit code 3}, {@code was killed by signal TERM (exit
   * code 143)}, followed by {@code , stopped by the extension} when it did not end on its own;
   * worded as the extension's own messages word it.
   */
  static String outcome(ProcessResult result) {
    return ProcessFormat.exitStatus(result);
  }

  static String stillRunning(SpawnedProcess process) {
    return ProcessFormat.stillRunning(process.pid());
  }

  /** {@code "text"}: a value as a headline shows it. */
  static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** One line per process: {@code pid 123: sleep 100}. */
  static String processList(List<ProcessHandle> processes) {
    StringBuilder sb = new StringBuilder();
    for (ProcessHandle p : processes) {
      sb.append("\n    pid ")
          .append(p.pid())
          .append(": ")
          .append(p.info().commandLine().or(() -> p.info().command()).orElse("?"));
    }
    return sb.toString();
  }
}
