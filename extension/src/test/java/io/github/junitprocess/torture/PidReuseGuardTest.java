package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.torture.fixtures.BystanderFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Nothing the extension did not start is ever signalled: not a process with the same parent and
 * process group as its own, not a process that took over the pid and group id of one it killed.
 */
@ExtendWith(NothingLeftBehind.class)
class PidReuseGuardTest {
  private static final Duration NOW = Duration.ZERO;

  @BeforeEach
  void forgetEarlierRuns() {
    BystanderFixtures.STARTED.clear();
    BystanderFixtures.BYSTANDERS.clear();
  }

  @AfterEach
  void killBystanders() {
    List<ProcessTable.Seen> left = bystanders();
    ProcessTable.killAll(left);
    ProcessTable.assertGoneWithin(left, Duration.ofSeconds(5));
  }

  @Test
  void aBystanderWithTheSameParentAndGroupSurvivesEveryTeardownPath() {
    EngineExecutionResults results = run(BystanderFixtures.SameParentAndGroup.class);

    assertThat(TestKit.failures(results)).as("failures of the fixture run").isEmpty();
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(BystanderFixtures.BYSTANDERS).hasSize(1).allMatch(Process::isAlive);
    assertThat(BystanderFixtures.STARTED.size()).as("2 + 2 + 1 + 2 + 2 processes").isEqualTo(9);
    ProcessTable.assertGoneWithin(BystanderFixtures.STARTED.all(), NOW);
  }

  @Test
  void aProcessThatRecycledAPidAndGroupIdIsNeverSignalled() {
    EngineExecutionResults results = run(BystanderFixtures.RecycledPid.class);

    assertThat(TestKit.failures(results)).as("failures of the fixture run").isEmpty();
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(BystanderFixtures.BYSTANDERS).hasSize(1).allMatch(Process::isAlive);
    long stranger = BystanderFixtures.BYSTANDERS.get(0).pid();
    assertThat(ProcessTable.state(stranger)).isNotEqualTo('T');
  }

  private static List<ProcessTable.Seen> bystanders() {
    return BystanderFixtures.BYSTANDERS.stream()
        .map(p -> ProcessTable.see(p.pid()))
        .flatMap(Optional::stream)
        .collect(Collectors.toList());
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("junit.process.leaks", "off")
        .execute();
  }
}
