package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stopping is graceful: the stop signal ({@code TERM} unless told otherwise) goes to the whole
 * process tree, the extension waits up to the stop timeout for it to exit, then sends {@code KILL}.
 * Teardown does this after every test; {@code stop()} does it now and returns the result.
 */
class GracefulShutdownTest {
  // absolute: the journal runs in a directory of its own
  static final String JOURNAL = "${sys.user.dir}/src/test/resources/shutdown/journal.py";
  static final String STUBBORN = "src/test/resources/shutdown/stubborn.py";
  static final String SUPERVISOR = "src/test/resources/shutdown/supervisor.py";

  @Test
  void aServerThatFlushesOnTermExitsCleanly(
      @SpawnProcess(
              value = {"python3", JOURNAL},
              workingDir = "${tempDir}",
              readyLine = "^ready$")
          SpawnedProcess journal)
      throws Exception {
    journal.writeLine("first").writeLine("second");
    journal.stdout().awaitLine("^got 2$", Duration.ofSeconds(30));

    ProcessResult result = journal.stop();

    assertThat(result).succeeded().wasStoppedByExtension().hasStdoutContaining("flushed 2 records");
    // ${tempDir} is deleted at the end of the test, not when the process stops
    Path written = journal.workingDir().resolve("journal.txt");
    assertThat(Files.readAllLines(written)).containsExactly("first", "second");
  }

  @Test
  void aServerThatIgnoresTermIsKilledAfterTheGrace(
      @SpawnProcess(
              value = {"python3", STUBBORN},
              readyLine = "^ready$",
              stopTimeout = "500ms")
          SpawnedProcess stubborn) {
    long start = System.nanoTime();
    ProcessResult result = stubborn.stop();
    Duration stopping = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result).wasKilledBy(Signal.KILL).hasStdoutContaining("ignoring SIGTERM");
    assertThat(stopping).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5)); // loose: busy CI
  }

  @Test
  void anotherStopSignal(
      @SpawnProcess(
              value = {"python3", "-u", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
              readyLine = "^Serving HTTP", // its port opens before its Ctrl-C handling is in place
              stopSignal = Signal.INT) // Ctrl-C: Python's http.server exits 0 on it
          SpawnedProcess server) {
    assertThat(server.stop())
        .succeeded()
        .hasStdoutContaining("Keyboard interrupt received, exiting.");
  }

  @Test
  void whatTheWholeTreePrintsWhileItShutsDownIsCaptured(
      @SpawnProcess(
              value = {"python3", SUPERVISOR},
              readyLine = "^ready$")
          SpawnedProcess supervisor) {
    supervisor.stdout().awaitLine("^worker 1: up$", Duration.ofSeconds(30));
    supervisor.stdout().awaitLine("^worker 2: up$", Duration.ofSeconds(30));

    ProcessResult result = supervisor.stop();

    // TERM reaches every process of the tree; the supervisor exits at once, its workers after it
    assertThat(result).wasStoppedByExtension();
    assertThat(result.stdoutLines())
        .contains("worker 1: draining", "worker 1: bye", "worker 2: draining", "worker 2: bye");
    assertThat(supervisor.descendants()).isEmpty();
  }
}
