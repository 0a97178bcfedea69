package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.suppressed;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.torture.fixtures.FailingScopeFixtures;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A scope that ends in failure still ends every process it started. */
@ExtendWith(NothingLeftBehind.class)
class FailingScopesTest {
  private static final Duration NOW = Duration.ZERO;

  @BeforeEach
  void forgetEarlierRuns() {
    FailingScopeFixtures.STARTED.clear();
  }

  @Test
  void aTestThatTimesOutWhileItsProcessRuns() {
    assertTimesOutAndLeavesNothing(FailingScopeFixtures.TimesOut.class, 3);
  }

  @Test
  void aTestThatTimesOutInASeparateThreadWhileItsProcessRuns() {
    assertTimesOutAndLeavesNothing(FailingScopeFixtures.TimesOutInSeparateThread.class, 2);
  }

  /** The fixture's one test times out after 500 ms, having started {@code started} processes. */
  private static void assertTimesOutAndLeavesNothing(Class<?> fixture, int started) {
    EngineExecutionResults results = run(fixture);

    results
        .testEvents()
        .assertStatistics(stats -> stats.failed(1))
        .failed()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(TimeoutException.class),
                message(m -> m.contains("timed out after 500 milliseconds"))));
    assertThat(FailingScopeFixtures.STARTED.size()).isEqualTo(started);
    ProcessTable.assertGoneWithin(FailingScopeFixtures.STARTED.all(), NOW);
  }

  @Test
  void aBeforeAllThatFailsAfterStartingProcesses() {
    EngineExecutionResults results = run(FailingScopeFixtures.BeforeAllFails.class);

    results.testEvents().assertStatistics(stats -> stats.started(0));
    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(FailingScopeFixtures.BeforeAllFails.class.getSimpleName()),
                finishedWithFailure(
                    instanceOf(IllegalStateException.class),
                    message("set-up failed after starting processes"),
                    suppressed(0, instanceOf(ProcessException.class)))));
    assertThat(FailingScopeFixtures.STARTED.size()).isEqualTo(4);
    ProcessTable.assertGoneWithin(FailingScopeFixtures.STARTED.all(), NOW);
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }
}
