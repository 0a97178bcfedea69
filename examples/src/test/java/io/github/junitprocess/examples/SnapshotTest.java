package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.assertj.ProcessTranscripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Snapshots and transcripts: the expected output of wordfreq lives in files next to the tests
 * ({@code src/test/snapshots/...}), and its manual ({@code src/test/transcripts/wordfreq.md}) runs
 * as its test.
 */
class SnapshotTest {
  static final String WORDFREQ = CliTest.WORDFREQ;
  static final String POEM = CliTest.POEM;

  @SpawnProcess({"python3", WORDFREQ, "--top", "3", POEM})
  ProcessResult topThree;

  @Test
  void printsTheMostFrequentWords() {
    // src/test/snapshots/io/github/junitprocess/examples/SnapshotTest/printsTheMostFrequentWords.txt
    assertThat(topThree).succeeded().matchesSnapshot();
  }

  @Test
  void rejectsABadOption(
      @SpawnProcess({"python3", WORDFREQ, "--top", "many"}) ProcessResult wordfreq) {
    assertThat(wordfreq).hasExitCode(2).matchesSnapshot();
  }

  @Test
  void redactsWhatChangesFromRunToRun(
      @SpawnProcess({"sh", "-c", "echo serving on ${port} as pid $$; echo built 2026-12-02"})
          ProcessResult server) {
    assertThat(server).redacting("[DATE]", "\\d{4}-\\d\\d-\\d\\d").matchesSnapshot();
  }

  @Test
  void snapshotsAStreamSoFar(
      @SpawnProcess({"python3", WORDFREQ, "--top", "2"}) SpawnedProcess wordfreq) {
    wordfreq.writeLine("a rose is a rose is a rose").closeStdin();
    wordfreq.waitFor(Duration.ofSeconds(30));
    assertThat(wordfreq.stdout()).matchesSnapshot("stdout");
  }

  @TestFactory
  Stream<DynamicTest> manual() {
    return ProcessTranscripts.of(Path.of("src/test/transcripts/wordfreq.md"))
        .path(Path.of("src/test/resources/cli/bin")) // wordfreq on PATH
        .tests();
  }
}
