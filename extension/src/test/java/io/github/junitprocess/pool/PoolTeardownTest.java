package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessStoppedException;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.pool.fixtures.PoolTeardownFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What a pool leaves behind when its scope ends: nothing. */
class PoolTeardownTest {

  @BeforeEach
  void reset() {
    PoolTeardownFixtures.reset();
  }

  @Test
  void runningAndQueuedTasksAreStoppedAndTheirFuturesFailWithProcessStoppedException()
      throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PoolTeardownFixtures.UnfinishedTasks.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(PoolTeardownFixtures.futures).hasSize(4).allMatch(CompletableFuture::isDone);
    assertThat(PoolTeardownFixtures.futures)
        .extracting(PoolTeardownTest::failureOf)
        .allSatisfy(e -> assertThat(e).isInstanceOf(ProcessStoppedException.class))
        .extracting(Throwable::getMessage)
        .allSatisfy(m -> assertThat(m).contains("of pool 'unfinished'").contains("sleep 300"))
        .filteredOn(m -> m.contains("was stopped before it finished"))
        .hasSize(2);
    assertThat(PoolTeardownFixtures.futures)
        .extracting(f -> failureOf(f).getMessage())
        .filteredOn(m -> m.contains("was cancelled before it started"))
        .hasSize(2);
    assertThat(PoolTeardownFixtures.pids).hasSize(5);
    TestKit.assertAllGone(PoolTeardownFixtures.pids);
    assertThat(PoolThreadsLeft.of("unfinished")).isEmpty();
  }

  @Test
  void tasksStartedWithExecuteAreStoppedQuietly() throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PoolTeardownFixtures.UnfinishedExecutes.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(PoolTeardownFixtures.pids).hasSize(1);
    TestKit.assertAllGone(PoolTeardownFixtures.pids);
    assertThat(PoolThreadsLeft.of("unfinished-execute")).isEmpty();
  }

  @Test
  void everyWorkerIsKilledEvenWhenBorrowedOrDeafToTerm() throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PoolTeardownFixtures.BorrowedWorker.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(PoolTeardownFixtures.pids).hasSize(2);
    TestKit.assertAllGone(PoolTeardownFixtures.pids);
    assertThat(PoolThreadsLeft.of("unreturned")).isEmpty();
    PooledProcess lease = PoolTeardownFixtures.leases.get(0);
    ProcessResult result = lease.waitFor(java.time.Duration.ZERO);
    assertThat(result.stoppedByExtension()).isTrue();
    lease.close(); // returning it after the pool closed is harmless
  }

  private static Throwable failureOf(CompletableFuture<ProcessResult> f) {
    try {
      f.join();
      throw new AssertionError("completed normally: " + f);
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  @Test
  void aNamedTempDirOfTheScopeOutlivesTheWarmWorkersThatUseIt(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report");
    System.setProperty(PoolTeardownFixtures.REPORT_PROPERTY, report.toString());
    try {
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(PoolTeardownFixtures.WorkersUsingANamedDir.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(1).succeeded(1));
    } finally {
      System.clearProperty(PoolTeardownFixtures.REPORT_PROPERTY);
    }

    assertThat(Files.readAllLines(report))
        .as("whether ${tempDir.data} existed when each worker got TERM")
        .containsExactly("present", "present");
  }
}
