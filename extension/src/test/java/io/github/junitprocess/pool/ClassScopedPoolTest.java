package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.pool.fixtures.ClassScopedPoolFixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A pool in a static field lives as long as its class and is shared by its tests. */
class ClassScopedPoolTest {

  @BeforeEach
  void reset() {
    ClassScopedPoolFixtures.reset();
  }

  @Test
  void staticPoolsAreSharedByTheTestsOfTheClassAndStoppedAfterIt() throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ClassScopedPoolFixtures.SharedPools.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(ClassScopedPoolFixtures.poolsSeen).hasSize(4);
    assertThat(ClassScopedPoolFixtures.poolsSeen.get(2))
        .isSameAs(ClassScopedPoolFixtures.poolsSeen.get(0));
    assertThat(ClassScopedPoolFixtures.poolsSeen.get(3))
        .isSameAs(ClassScopedPoolFixtures.poolsSeen.get(1));
    assertThat(ClassScopedPoolFixtures.workerPids).as("the same two workers").hasSize(2);
    TestKit.assertAllGone(ClassScopedPoolFixtures.workerPids);
    assertThat(PoolThreadsLeft.of("shared-tasks")).isEmpty();
    assertThat(PoolThreadsLeft.of("shared-workers")).isEmpty();
  }

  @Test
  void poolsAreSafeToShareBetweenTestsRunningInParallel() throws Exception {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
            // the leak check cannot tell a sibling test's process in mid-spawn from a leak
            .configurationParameter("junit.process.leaks", "off")
            .selectors(selectClass(ClassScopedPoolFixtures.ConcurrentTests.class))
            .execute();

    assertThat(failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));

    assertThat(ClassScopedPoolFixtures.workerPids).hasSize(2);
    TestKit.assertAllGone(ClassScopedPoolFixtures.workerPids);
    assertThat(PoolThreadsLeft.of("concurrent-tasks")).isEmpty();
    assertThat(PoolThreadsLeft.of("concurrent-workers")).isEmpty();
  }

  /** The failures of the fixture's tests, stack traces included, for a readable report. */
  private static List<String> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(
            e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
        .map(t -> t.map(PoolTestSupport::stackTrace).orElse("?"))
        .collect(Collectors.toList());
  }
}
