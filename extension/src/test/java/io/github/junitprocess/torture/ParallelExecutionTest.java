package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.torture.fixtures.ParallelFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension under JUnit's parallel execution: {@value ParallelFixtures#TESTS} tests run
 * concurrently, each spawning; all pass, every process has its own log files, no process is taken
 * for a leak, and nothing is left alive.
 */
@ExtendWith(NothingLeftBehind.class)
class ParallelExecutionTest {
  /** Configuration parameters for concurrent execution of tests and classes. */
  static final Map<String, String> CONCURRENT =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

  @Test
  void twoHundredConcurrentTestsEachSpawning(TestReporter reporter) {
    ParallelFixtures.STARTED.clear();
    ParallelFixtures.LOG_FILES.clear();
    ParallelFixtures.MOST_AT_ONCE.set(0);

    long t0 = System.nanoTime();
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ParallelFixtures.TwoHundredTests.class))
            .configurationParameters(CONCURRENT)
            .execute();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(
            results.testEvents().failed().stream()
                .map(
                    e ->
                        e.getTestDescriptor().getDisplayName()
                            + ": "
                            + e.getPayload(TestExecutionResult.class)
                                .flatMap(TestExecutionResult::getThrowable)
                                .map(Object::toString)
                                .orElse("?")))
        .as("tests that failed, and why")
        .isEmpty();
    results
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(ParallelFixtures.TESTS).failed(0));
    assertThat(ParallelFixtures.MOST_AT_ONCE.get()).as("tests running at once").isGreaterThan(1);
    assertThat(ParallelFixtures.LOG_FILES)
        .as("one stdout and one stderr log file per process")
        .hasSize(2 * ParallelFixtures.TESTS);
    assertThat(results.allEvents().reportingEntryPublished().stream())
        .as("no process taken for a leak")
        .noneMatch(
            e ->
                e.getPayload(ReportEntry.class)
                    .orElseThrow()
                    .getKeyValuePairs()
                    .containsKey("junit-process.leak"));
    assertThat(ParallelFixtures.STARTED.size()).isEqualTo(ParallelFixtures.TESTS + 2);
    ProcessTable.assertGoneWithin(ParallelFixtures.STARTED.all(), Duration.ZERO);

    System.out.println(
        "[torture] "
            + ParallelFixtures.TESTS
            + " parallel tests, at most "
            + ParallelFixtures.MOST_AT_ONCE.get()
            + " at once, took "
            + took.toMillis()
            + " ms");
    reporter.publishEntry("parallelTests", Integer.toString(ParallelFixtures.TESTS));
  }
}
