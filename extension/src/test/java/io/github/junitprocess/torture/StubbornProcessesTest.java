package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.torture.fixtures.StubbornFixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Processes that resist being stopped: they ignore SIGTERM, are SIGSTOPped, fork a tree of 200, or
 * leave the tree as daemons. Each case checks that every process it saw is gone afterwards.
 */
@ExtendWith({NothingLeftBehind.class, ProcessExtension.class})
class StubbornProcessesTest {
  private static final Duration NOW = Duration.ZERO;

  @BeforeEach
  void forgetEarlierRuns() {
    StubbornFixtures.STARTED.clear();
  }

  @Test
  void stopFallsBackToKillAfterTheGraceWhenTermIsIgnored(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "trap '' TERM; sleep 300 & sleep 300 & echo ready; wait")
                .readyLine("ready")
                .stopTimeout(Duration.ofMillis(500)));
    List<ProcessTable.Seen> tree = ProcessTable.tree(p.pid());
    assertThat(tree).hasSize(3);

    long t0 = System.nanoTime();
    ProcessResult result = p.stop();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(result.signal()).contains(Signal.KILL);
    assertThat(result.stoppedByExtension()).isTrue();
    assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
    ProcessTable.assertGoneWithin(tree, NOW);
  }

  @Test
  void stopEndsAProcessThatWasSigstopped(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 300 & echo ready; wait")
                .readyLine("ready")
                .stopTimeout(Duration.ofSeconds(20)));
    List<ProcessTable.Seen> tree = ProcessTable.tree(p.pid());
    p.signal(Signal.STOP);

    long t0 = System.nanoTime();
    ProcessResult result = p.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("TERM takes effect once continued, long before the 20 s grace")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(result.signal()).contains(Signal.TERM);
    ProcessTable.assertGoneWithin(tree, NOW);
  }

  @Test
  void teardownKillsATreeThatIgnoresTerm() {
    long t0 = System.nanoTime();
    EngineExecutionResults results = run(StubbornFixtures.IgnoresTerm.class);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(StubbornFixtures.STARTED.size()).isEqualTo(3);
    ProcessTable.assertGoneWithin(StubbornFixtures.STARTED.all(), NOW);
    assertThat(took).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void stopKillsAForkTreeOf200Processes(Processes processes) {
    SpawnedProcess tree = processes.start(StubbornFixtures.forkTree(200));
    List<Long> nodes = StubbornFixtures.awaitNodes(tree, 200);
    List<ProcessTable.Seen> seen = ProcessTable.tree(tree.pid());
    assertThat(seen).extracting(ProcessTable.Seen::pid).containsAll(nodes);

    ProcessResult result = tree.stop();

    assertThat(result.stoppedByExtension()).isTrue();
    ProcessTable.assertGoneWithin(seen, NOW);
  }

  @Test
  void aProcessWith800ChildrenHasEveryOneListedAndStopped(Processes processes) {
    // 800 pids do not fit in 4 KiB of a /proc children file
    SpawnedProcess parent =
        processes.start(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "i=0; while [ $i -lt 800 ]; do sleep 300 & i=$((i+1)); done; echo ready; wait")
                .readyLine("ready"));
    List<ProcessTable.Seen> children = ProcessTable.descendants(parent.pid());
    assertThat(children).hasSize(800);

    assertThat(parent.descendants())
        .extracting(ProcessHandle::pid)
        .containsExactlyInAnyOrderElementsOf(
            children.stream().map(ProcessTable.Seen::pid).collect(Collectors.toList()));

    parent.kill();
    ProcessTable.assertGoneWithin(children, NOW);
  }

  @Test
  void teardownKillsAForkTreeOf200Processes() {
    run(StubbornFixtures.ForkTree.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertThat(StubbornFixtures.STARTED.size()).isGreaterThanOrEqualTo(200);
    ProcessTable.assertGoneWithin(StubbornFixtures.STARTED.all(), NOW);
  }

  @Test
  void teardownSweepsDaemonsThatLeftTheTree() {
    run(StubbornFixtures.Daemons.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertThat(StubbornFixtures.STARTED.size())
        .as("parent, 5 escaped, 1 left by an exited one")
        .isEqualTo(7);
    ProcessTable.assertGoneWithin(StubbornFixtures.STARTED.all(), NOW);
  }

  @Test
  void teardownSweepsADaemonWhosePidCameAfterAWrapAround() {
    run(StubbornFixtures.DaemonAcrossAPidWrapAround.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    Assumptions.assumeTrue(
        StubbornFixtures.DaemonAcrossAPidWrapAround.WRAPPED,
        "pids could not be made to wrap around here (needs root)");
    ProcessTable.assertGoneWithin(StubbornFixtures.STARTED.all(), NOW);
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }
}
