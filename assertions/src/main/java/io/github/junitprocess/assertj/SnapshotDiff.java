package io.github.junitprocess.assertj;

import java.util.List;
import org.assertj.core.util.diff.DiffUtils;
import org.assertj.core.util.diff.Patch;

/**
 * A unified diff of a snapshot against the actual text, kept to a readable size: the first {@value
 * #MAX_HUNKS} hunks, at most {@value #MAX_LINES} lines, and how many hunks were left out. Made by
 * the Myers diff that AssertJ ships ({@code org.assertj.core.util.diff}), so no other library is
 * needed: the patterns are resolved before diffing ({@link SnapshotPatterns#align}), and a plain
 * line diff is all that is left to do.
 */
final class SnapshotDiff {
  static final int MAX_HUNKS = 5;
  static final int MAX_LINES = 80;
  private static final int CONTEXT = 3;

  private SnapshotDiff() {}

  /** {@code --- snapshot}, {@code +++ actual} and the hunks, each line indented by two. */
  static String unified(List<String> snapshot, List<String> actual) {
    return unified("snapshot", snapshot, actual);
  }

  /** Like {@link #unified(List, List)}, the expected side called {@code expectedLabel}. */
  static String unified(String expectedLabel, List<String> snapshot, List<String> actual) {
    Patch<String> patch = DiffUtils.diff(snapshot, actual);
    List<String> lines =
        DiffUtils.generateUnifiedDiff(expectedLabel, "actual", snapshot, patch, CONTEXT);
    StringBuilder sb = new StringBuilder();
    int hunks = 0;
    int total = (int) lines.stream().filter(l -> l.startsWith("@@")).count();
    int shown = 0;
    for (String line : lines) {
      if (line.startsWith("@@")) {
        if (hunks == MAX_HUNKS || shown >= MAX_LINES) {
          break;
        }
        hunks++;
      }
      if (shown >= MAX_LINES) {
        sb.append("  (the rest of this hunk left out)\n");
        break;
      }
      sb.append("  ").append(line).append('\n');
      shown++;
    }
    if (hunks < total) {
      int rest = total - hunks;
      sb.append("  (").append(rest).append(rest == 1 ? " more hunk" : " more hunks").append(")\n");
    }
    return sb.toString();
  }
}
