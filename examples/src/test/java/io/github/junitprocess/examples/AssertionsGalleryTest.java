package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.assertj.ProcessSoftAssertions;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every assertion of {@code ProcessAssertions}, and what its failure messages say.
 *
 * <p>{@code ProcessAssertions.assertThat} is imported next to AssertJ's own: Java picks ours for
 * results, processes and outputs, AssertJ's for everything else. Each {@code whatAFailureSays} test
 * runs an assertion on a process that does not fit it and checks the message, word for word.
 */
class AssertionsGalleryTest {
  static final Duration SOON = Duration.ofSeconds(30); // a deadline: returns at the answer

  /** A finished process: {@code ProcessResult}. */
  @Nested
  class Results {
    @Test
    void exitStatusOutputAndDuration(
        @SpawnProcess({"sh", "-c", "echo hello; echo warning >&2; exit 3"}) ProcessResult result) {
      assertThat(result)
          .failed()
          .hasExitCode(3)
          .hasStdoutEqualTo("hello\n")
          .hasStdoutContaining("hell")
          .hasStdoutMatching("h.l+o") // found anywhere, like grep
          .hasStderrEqualTo("warning\n")
          .hasStderrContaining("warn")
          .hasStderrMatching("^warn")
          .finishedWithin(SOON);
      assertThat(result).stdout().startsWith("hello"); // on to AssertJ's string assertions
      assertThat(result).stderrLines().containsExactly("warning"); // and list assertions
    }

    @Test
    void successAndEmptyStreams(@SpawnProcess({"true"}) ProcessResult result) {
      assertThat(result).succeeded().hasEmptyStdout().hasEmptyStderr();
    }

    @Test
    void stoppedOrKilled(@SpawnProcess({"sleep", "60"}) SpawnedProcess sleeper) {
      assertThat(sleeper.stop()).wasKilledBy(Signal.TERM).wasStoppedByExtension();
    }

    @Test
    void whatAFailureSays(
        @SpawnProcess({
              "sh",
              "-c",
              "echo migrating to v2; echo column users.email exists >&2; exit 3"
            })
            ProcessResult migrate) {
      Throwable failure = catchThrowable(() -> assertThat(migrate).succeeded());

      assertThat(failure)
          .hasMessage(
              """

              Expecting process 'migrate' to succeed (exit code 0), but it exited with exit code 3.
                process: 'migrate' (pid PID)
                command: sh -c 'echo migrating to v2; echo column users.email exists >&2; exit 3'
                status: exited with exit code 3
                stdout (1 line):
                  | migrating to v2
                stderr (1 line):
                  | column users.email exists
              """
                  .replace("PID", String.valueOf(migrate.pid())));
    }

    @Test
    void whatAFailureSaysAfterNavigating(
        @SpawnProcess({"sh", "-c", "echo one; echo two"}) ProcessResult counter) {
      Throwable failure =
          catchThrowable(() -> assertThat(counter).stdout().isEqualTo("one\ntwo\nthree\n"));

      // AssertJ's own message, described by the process it came from
      assertThat(failure)
          .hasMessageStartingWith("[stdout of process 'counter'\n")
          .hasMessageContaining("  command: sh -c 'echo one; echo two'\n")
          .hasMessageContaining("  stdout (2 lines):\n    | one\n    | two\n")
          .hasMessageContaining(
              "expected: \n  \"one\n  two\n  three\n  \"\n but was: \n  \"one\n  two\n  \"");
    }
  }

  /** A running process: {@code SpawnedProcess}. */
  @Nested
  class LiveProcesses {
    @SpawnProcess({"sh", "-c", "echo listening on 8080; read word; echo \"bye $word\""})
    SpawnedProcess server;

    @Test
    void lifeAndOutput() {
      assertThat(server).isAlive().hasNoDescendants(); // sh's read and echo are built in
      assertThat(server).within(SOON).hasStdoutLineMatching("listening on \\d+");
      assertThat(server).staysAliveFor(Duration.ofMillis(200));

      server.writeLine("now");

      assertThat(server).eventually().hasStdoutContaining("bye now"); // waits up to 10s
      assertThat(server).exitsWithin(SOON).succeeded().hasEmptyStderr();
      assertThat(server).isNotAlive().hasExited();
    }

    @Test
    void waitingForStderr(
        @SpawnProcess({"sh", "-c", "echo starting >&2; echo error: disk full >&2; exec sleep 60"})
            SpawnedProcess daemon) {
      assertThat(daemon).within(SOON).hasStderrLineMatching("^error: ").hasStderrContaining("full");
      assertThat(daemon).stderr().containsLine("starting"); // on to the output assertions below
      assertThat(daemon).stdout().isEmpty();
    }

    @Test
    void whatAFailureSays() {
      Throwable failure =
          catchThrowable(
              () ->
                  assertThat(server)
                      .within(Duration.ofMillis(500))
                      .hasStdoutLineMatching("^ready"));

      assertThat(failure)
          .hasMessage(
              """

              Expecting stdout of process 'server' to have a line matching /^ready/ within 500ms, but it did not.
                process: 'server' (pid PID)
                command: sh -c 'echo listening on 8080; read word; echo "bye $word"'
                status: still running (pid PID)
                logs: OUT, ERR
                stdout (1 line):
                  | listening on 8080
                stderr: (empty)
              """
                  .replace("PID", String.valueOf(server.pid()))
                  .replace("OUT", server.stdout().logFile().toString())
                  .replace("ERR", server.stderr().logFile().toString()));
    }
  }

  /** One stream of a process: {@code Output}. */
  @Nested
  class Outputs {
    @SpawnProcess({"sh", "-c", "echo one; echo two; echo three"})
    SpawnedProcess counter;

    @Test
    void linesAndText() {
      counter.waitFor(SOON); // output assertions look at what has been captured so far

      assertThat(counter.stdout()).containsLine("two").hasLineMatching("^th").hasLineCount(3);
      assertThat(counter.stderr()).isEmpty();
      assertThat(counter.stdout()).lines().containsExactly("one", "two", "three");
      assertThat(counter.stdout()).text().endsWith("three\n");
    }

    @Test
    void waitingForALine() {
      assertThat(counter.stdout()).within(SOON).containsLine("three");
      assertThat(counter.stdout()).eventually().hasLineMatching("^t");
    }

    @Test
    void truncation(
        @SpawnProcess({"python3", "-c", "print('x' * 10_000_000)"}) SpawnedProcess big) {
      big.waitFor(SOON);

      // past junit.process.capture.limit (8MiB) memory keeps head and tail; the log file has all
      assertThat(big.stdout()).wasTruncated();
      assertThat(big.stdout().size()).isEqualTo(10_000_001);
    }

    @Test
    void whatAFailureSays() {
      counter.waitFor(SOON);
      Throwable failure = catchThrowable(() -> assertThat(counter).stdout().hasLineCount(2));

      assertThat(failure)
          .hasMessage(
              """

              Expecting stdout of process 'counter' to have 2 lines, but it has 3.
                process: 'counter' (pid PID)
                command: sh -c 'echo one; echo two; echo three'
                status: exited with exit code 0
                logs: OUT, ERR
                stdout (3 lines):
                  | one
                  | two
                  | three
                stderr: (empty)
              """
                  .replace("PID", String.valueOf(counter.pid()))
                  .replace("OUT", counter.stdout().logFile().toString())
                  .replace("ERR", counter.stderr().logFile().toString()));
    }
  }

  /** Collecting failures instead of stopping at the first. */
  @Nested
  class SoftAssertions {
    @Test
    void collectsEveryFailure(@SpawnProcess({"sh", "-c", "echo hi; exit 1"}) ProcessResult result) {
      ProcessSoftAssertions softly = new ProcessSoftAssertions();
      softly.assertThat(result).succeeded().hasStdoutContaining("bye");
      softly.assertThat(result).hasStderrContaining("error");

      // softly.assertAll() would throw them together; here we look at them one by one
      assertThat(softly.errorsCollected())
          .extracting(error -> error.getMessage().strip().lines().findFirst().orElseThrow())
          .containsExactly(
              "Expecting process 'result' to succeed (exit code 0), but it exited with exit code 1.",
              "Expecting stdout of process 'result' to contain \"bye\", but it does not.",
              "Expecting stderr of process 'result' to contain \"error\", but it does not.");
    }
  }
}
