package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.pool.fixtures.PoolFailureFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Failures of pooled work are never lost, and a pool that cannot start leaves nothing behind. */
class PoolFailureTest {
  @TempDir Path dir;
  private Path pidFile;

  @BeforeEach
  void pointWorkersAtAPidFile() {
    pidFile = dir.resolve("pids");
    System.setProperty(PoolFailureFixtures.PID_FILE, pidFile.toString());
  }

  @AfterEach
  void clearProperty() {
    System.clearProperty(PoolFailureFixtures.PID_FILE);
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private static Throwable failureOf(EngineExecutionResults results) {
    List<Event> failed = results.allEvents().failed().list();
    assertThat(failed).hasSize(1);
    return failed
        .get(0)
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Test
  void anExecuteTaskThatCannotStartFailsTheTestWhenThePoolCloses() {
    EngineExecutionResults results = run(PoolFailureFixtures.ExecuteThatCannotStart.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = failureOf(results);
    assertThat(failure).hasStackTraceContaining("Pool 'pool': 1 task(s) run with execute() failed");
    assertThat(rootCause(failure))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("no-such-command-junit-process");
  }

  @Test
  void anAssertionFailingInAnExecuteCallbackFailsTheTest() {
    EngineExecutionResults results = run(PoolFailureFixtures.ExecuteCallbackThatFails.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(rootCause(failureOf(results)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("goodbye");
  }

  @Test
  void workersThatNeverBecomeReadyFailThePoolWithProcessTimeoutExceptionAndAreKilled()
      throws Exception {
    EngineExecutionResults results = run(PoolFailureFixtures.WorkersNeverReady.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("neverRuns"),
                finishedWithFailure(
                    instanceOf(ProcessTimeoutException.class),
                    message(
                        m ->
                            m.contains("Timed out after 500ms")
                                && m.contains("'never-ready-")
                                && m.contains("/READY/")))));
    assertThat(pids()).hasSize(3);
    TestKit.assertAllGone(pids());
    assertThat(PoolThreadsLeft.of("never-ready")).isEmpty();
  }

  @Test
  void aWorkerThatCannotStartFailsTheClassWithProcessStartException() throws Exception {
    EngineExecutionResults results = run(PoolFailureFixtures.WorkerCannotStart.class);

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ProcessStartException.class),
                    message(m -> m.contains("Cannot start process 'missing-")))));
    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(PoolThreadsLeft.of("missing")).isEmpty();
  }

  @Test
  void aWorkerThatExitsWhileStartingFailsThePoolAndTheOthersAreStopped() throws Exception {
    EngineExecutionResults results = run(PoolFailureFixtures.OneWorkerExits.class);

    assertThat(failureOf(results))
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("'exiting-")
        .hasMessageContaining("exit code 7");
    // the other worker may be stopped before its shell has written its pid
    assertThat(pids()).hasSizeBetween(1, 2);
    TestKit.assertAllGone(pids());
  }

  @Test
  void aPoolWhoseWorkerCannotBeReplacedSaysWhyToTheBorrowerAndFailsTheTest() throws Exception {
    EngineExecutionResults results = run(PoolFailureFixtures.ReplacementCannotStart.class);

    assertThat(PoolFailureFixtures.ReplacementCannotStart.borrowFailure)
        .isInstanceOf(ProcessException.class)
        .hasMessageContaining("Pool 'once' has no workers left: none could be replaced.")
        .hasMessageContaining("The last attempt failed:\nProcess 'once-1' exited")
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("| cannot start twice")
        .hasCauseInstanceOf(ProcessExitedException.class);
    assertThat(failureOf(results))
        .hasStackTraceContaining("Pool 'once': 1 worker(s) could not be replaced");
    TestKit.assertAllGone(pids());
  }

  private List<Long> pids() throws Exception {
    return Files.readAllLines(pidFile).stream().map(Long::parseLong).collect(Collectors.toList());
  }
}
