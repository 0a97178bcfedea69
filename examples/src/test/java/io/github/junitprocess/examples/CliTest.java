package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Testing a command-line program: run it to completion, then look at its exit code and output.
 *
 * <p>The program is {@code src/test/resources/cli/wordfreq.py}, which prints the most frequent
 * words of a text. Relative paths resolve against the test JVM's working directory, which Maven
 * sets to the module directory.
 */
class CliTest {
  static final String WORDFREQ = "src/test/resources/cli/wordfreq.py";
  static final String POEM = "src/test/resources/cli/poem.txt";

  // a ProcessResult field: the command has run to completion before each test starts
  @SpawnProcess({"python3", WORDFREQ, "--top", "3", POEM})
  ProcessResult topThree;

  @Test
  void printsTheMostFrequentWords() {
    assertThat(topThree).succeeded().hasEmptyStderr().hasStdoutEqualTo("4 the\n2 a\n2 cat\n");
  }

  @Test
  void rejectsABadOption(
      @SpawnProcess({"python3", WORDFREQ, "--top", "many"}) ProcessResult wordfreq) {
    assertThat(wordfreq)
        .hasExitCode(2)
        .hasEmptyStdout()
        .hasStderrContaining("usage: wordfreq [-h] [--top N]")
        .hasStderrMatching("invalid int value: 'many'");
  }

  @Test
  void reportsAMissingFile(
      @SpawnProcess({"python3", WORDFREQ, "missing.txt"}) ProcessResult wordfreq) {
    assertThat(wordfreq)
        .hasExitCode(1)
        .hasStderrEqualTo("wordfreq: cannot read missing.txt: No such file or directory\n");
  }

  @Test
  void readsStdinFromAFile(
      @SpawnProcess(
              value = {"python3", WORDFREQ, "--top", "1"},
              stdin = POEM) // without it stdin is closed at once: the program reads nothing
          ProcessResult wordfreq) {
    assertThat(wordfreq).succeeded().hasStdoutEqualTo("4 the\n");
  }

  @Test
  void takesSettingsFromTheEnvironment(
      @SpawnProcess(
              value = {"python3", WORDFREQ, "--top", "3", POEM},
              env = "WORDFREQ_MIN_LENGTH=3")
          ProcessResult wordfreq) {
    assertThat(wordfreq).succeeded().stdoutLines().containsExactly("4 the", "2 cat", "2 dog");
  }

  @Test
  void writesIntoItsWorkingDirectory(Processes processes, @TempDir Path dir) {
    String script = Path.of(WORDFREQ).toAbsolutePath().toString(); // the process runs in dir

    ProcessResult wordfreq =
        processes.run(
            ProcessSpec.of("python3", script, "--out", "report.txt")
                .workingDir(dir)
                .input("to be or not to be\n"));

    assertThat(wordfreq).succeeded().hasEmptyStdout();
    assertThat(dir.resolve("report.txt")).hasContent("2 be\n2 to\n1 not\n1 or");
  }
}
