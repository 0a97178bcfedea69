package io.github.junitprocess.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotPatternsTest {

  @Test
  void anyTextMatchesWithinOneLineOnly() {
    assertThat(SnapshotPatterns.lineMatches("took [..]ms", "took 12ms")).isTrue();
    assertThat(SnapshotPatterns.lineMatches("took [..]ms", "took ms")).isTrue();
    assertThat(SnapshotPatterns.lineMatches("[..] of [..]", "3 of 4")).isTrue();
    assertThat(SnapshotPatterns.lineMatches("took [..]ms", "took 12s")).isFalse();
    assertThat(SnapshotPatterns.lineMatches("took [..]ms", "it took 12ms")).isFalse();
    // everything else is literal, regex characters included
    assertThat(SnapshotPatterns.lineMatches("a.c (x)", "abc (x)")).isFalse();
    assertThat(SnapshotPatterns.lineMatches("a.c (x)", "a.c (x)")).isTrue();
  }

  @Test
  void anyLinesMatchesAnyNumberOfLinesNoneIncluded() {
    List<String> expected = List.of("start", "...", "end");

    assertThat(align(expected, "start", "end").matches()).isTrue();
    assertThat(align(expected, "start", "a", "end").matches()).isTrue();
    assertThat(align(expected, "start", "a", "b", "end", "x", "end").matches()).isTrue();
    assertThat(align(expected, "start", "a").matches()).isFalse();
    assertThat(align(List.of("..."), "a", "b").matches()).isTrue();
    assertThat(align(List.of("..."), new String[0]).matches()).isTrue();
    // only a line holding just ... is the pattern
    assertThat(align(List.of("a ..."), "a b").matches()).isFalse();
  }

  @Test
  void bothPatternsTogether() {
    List<String> expected = List.of("version [..]", "...", "done in [..]s");

    assertThat(align(expected, "version 1.2", "x", "y", "done in 3s").matches()).isTrue();
    assertThat(align(expected, "version 1.2", "done in 3s", "extra").matches()).isFalse();
  }

  @Test
  void theMatchedActualKeepsThePatternsThatStillMatch() {
    List<String> expected = List.of("id [..]", "head", "...", "tail", "old");

    SnapshotPatterns.Alignment alignment =
        align(expected, "id 42", "head", "one", "two", "tail", "new");

    assertThat(alignment.matches()).isFalse();
    assertThat(alignment.normalized()).containsExactly("id [..]", "head", "...", "tail", "new");
  }

  @Test
  void aPatternThatNoLongerMatchesGivesWayToTheActualLine() {
    SnapshotPatterns.Alignment alignment =
        align(List.of("took [..]ms", "b"), "took 3 seconds", "b");

    assertThat(alignment.matches()).isFalse();
    assertThat(alignment.normalized()).containsExactly("took 3 seconds", "b");
  }

  @Test
  void aDiffAgainstTheMatchedActualShowsOnlyRealDifferences() {
    List<String> expected = List.of("pid [..]", "...", "result: 1");
    SnapshotPatterns.Alignment alignment =
        align(expected, "pid 77", "noise", "more noise", "result: 2");

    String diff = SnapshotDiff.unified(expected, alignment.normalized());

    assertThat(diff)
        .contains("--- snapshot", "+++ actual", "-result: 1", "+result: 2")
        .doesNotContain("noise", "pid 77");
  }

  @Test
  void aLongDiffShowsTheFirstHunksAndCountsTheRest() {
    StringBuilder e = new StringBuilder();
    StringBuilder a = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      e.append(i % 10 == 0 ? "old " + i : "same " + i).append('\n');
      a.append(i % 10 == 0 ? "new " + i : "same " + i).append('\n');
    }

    String diff =
        SnapshotDiff.unified(SnapshotText.lines(e.toString()), SnapshotText.lines(a.toString()));

    assertThat(diff).contains("-old 0", "+new 40").doesNotContain("new 50");
    assertThat(diff).endsWith("  (5 more hunks)\n");
  }

  private static SnapshotPatterns.Alignment align(List<String> expected, String... actual) {
    return SnapshotPatterns.align(expected, List.of(actual));
  }
}
