package io.github.junitprocess.assertj;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a snapshot's expected text: {@code [..]} matches any text within one line, and a
 * line holding only {@code ...} matches any number of lines, none included; everything else is
 * compared as it is.
 *
 * <p>{@link #align} pairs the expected lines with the actual ones (fewest unmatched lines on both
 * sides) and gives the actual text as the snapshot would say it: a line a pattern matched is
 * replaced by the pattern, the lines a {@code ...} took become that {@code ...}. A diff of the
 * expected text against that shows only real differences, and in {@code overwrite} mode it is the
 * new snapshot, keeping every pattern that still matches.
 */
final class SnapshotPatterns {
  static final String ANY_TEXT = "[..]";
  static final String ANY_LINES = "...";

  /** Beyond this many cells (expected × actual lines between the common ends) no alignment. */
  private static final long MAX_CELLS = 2_000_000L;

  private SnapshotPatterns() {}

  /** The outcome of aligning: whether everything matched, and the actual lines as matched. */
  record Alignment(boolean matches, List<String> normalized) {}

  /** Whether {@code expected} (one line, maybe with {@code [..]}) matches {@code actual}. */
  static boolean lineMatches(String expected, String actual) {
    if (!expected.contains(ANY_TEXT)) {
      return expected.equals(actual);
    }
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (int at = expected.indexOf(ANY_TEXT); at >= 0; at = expected.indexOf(ANY_TEXT, from)) {
      regex.append(Pattern.quote(expected.substring(from, at))).append(".*");
      from = at + ANY_TEXT.length();
    }
    regex.append(Pattern.quote(expected.substring(from)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
  }

  static boolean isAnyLines(String line) {
    return line.equals(ANY_LINES);
  }

  static Alignment align(List<String> expected, List<String> actual) {
    int n = expected.size();
    int m = actual.size();
    // the common ends need no table: a plain line that matches there must pair there
    int head = 0;
    while (head < n
        && head < m
        && !isAnyLines(expected.get(head))
        && lineMatches(expected.get(head), actual.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < n - head
        && tail < m - head
        && !isAnyLines(expected.get(n - 1 - tail))
        && lineMatches(expected.get(n - 1 - tail), actual.get(m - 1 - tail))) {
      tail++;
    }
    List<String> e = expected.subList(head, n - tail);
    List<String> a = actual.subList(head, m - tail);
    List<String> normalized = new ArrayList<>(expected.subList(0, head));
    boolean matches;
    if ((long) (e.size() + 1) * (a.size() + 1) > MAX_CELLS) {
      matches = false;
      normalized.addAll(a);
    } else {
      matches = alignMiddle(e, a, normalized);
    }
    normalized.addAll(expected.subList(n - tail, n));
    return new Alignment(matches, normalized);
  }

  /**
   * Fewest unmatched lines by dynamic programming over the middle part; appends the actual lines as
   * matched to {@code out} and says whether nothing was left unmatched. An expected line paired
   * with a different actual line costs as much as one unmatched line, and each line a {@code ...}
   * takes a little, so that of two alignments with as few differences the one where {@code ...}
   * takes fewer lines wins: a changed last line shows as changed, not as taken by a {@code ...} and
   * missing.
   */
  private static boolean alignMiddle(List<String> e, List<String> a, List<String> out) {
    final long unit = 1L << 32; // one unmatched or changed line; a line taken by ... costs 1
    int n = e.size();
    int m = a.size();
    // cost[i][j]: the cost of aligning e[i..] with a[j..]
    long[][] cost = new long[n + 1][m + 1];
    for (int j = 0; j <= m; j++) {
      cost[n][j] = (m - j) * unit;
    }
    for (int i = n - 1; i >= 0; i--) {
      boolean any = isAnyLines(e.get(i));
      cost[i][m] = cost[i + 1][m] + (any ? 0 : unit);
      for (int j = m - 1; j >= 0; j--) {
        if (any) {
          cost[i][j] = Math.min(cost[i + 1][j], cost[i][j + 1] + 1);
        } else {
          long pair = cost[i + 1][j + 1] + (lineMatches(e.get(i), a.get(j)) ? 0 : unit);
          cost[i][j] = Math.min(pair, Math.min(cost[i + 1][j], cost[i][j + 1]) + unit);
        }
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && isAnyLines(e.get(i))) {
        while (j < m && cost[i][j] != cost[i + 1][j]) {
          j++; // the ... takes a[j]
        }
        out.add(e.get(i));
        i++;
      } else if (i < n
          && j < m
          && lineMatches(e.get(i), a.get(j))
          && cost[i][j] == cost[i + 1][j + 1]) {
        out.add(e.get(i));
        i++;
        j++;
      } else if (i < n && j < m && cost[i][j] == cost[i + 1][j + 1] + unit) {
        out.add(a.get(j)); // changed: the actual line replaces the expected one
        i++;
        j++;
      } else if (j < m && (i == n || cost[i][j] == cost[i][j + 1] + unit)) {
        out.add(a.get(j)); // a line the snapshot does not have
        j++;
      } else {
        i++; // a line of the snapshot that the actual text does not have
      }
    }
    return cost[0][0] < unit;
  }
}
