package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.ProcessResult;
import java.util.Arrays;
import java.util.List;

/**
 * What a snapshot file holds, before redaction. For a result:
 *
 * <pre>
 * command: sh -c 'echo hello; echo oops &gt;&amp;2; exit 3'
 * status: exited with exit code 3
 * --- stdout
 * hello
 * --- stderr
 * oops
 * </pre>
 *
 * For an {@link Output}, its text alone. Line ends are {@code \n} ({@code \r\n} is read as one); a
 * stream whose last line has no line end gets a line {@value #NO_NEWLINE} after it, so that the
 * difference shows.
 */
final class SnapshotText {
  static final String NO_NEWLINE = "\\ no newline at end";

  private SnapshotText() {}

  static String of(ProcessResult result) {
    return "command: "
        + ProcessFormat.commandLine(result.command())
        + "\nstatus: "
        + ProcessFormat.exitStatus(result)
        + "\n--- stdout\n"
        + stream(result.stdout())
        + "--- stderr\n"
        + stream(result.stderr());
  }

  static String of(Output output) {
    return stream(output.text());
  }

  /** The text with {@code \n} line ends, ending with one (or with the no-newline line). */
  static String stream(String text) {
    String t = text.replace("\r\n", "\n");
    if (t.isEmpty() || t.endsWith("\n")) {
      return t;
    }
    return t + "\n" + NO_NEWLINE + "\n";
  }

  /** The lines of a text of this format; a last line end ends the last line. */
  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(t.split("\n", -1));
  }

  /** The text of {@code lines}, each ended by {@code \n}. */
  static String join(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }
}
