package io.github.junitprocess.teardown;

import static io.github.junitprocess.TestKit.isGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.StopFixtures;
import io.github.junitprocess.torture.ProcessTable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class TeardownTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void stopSendsTermAndReportsTheSignal(Processes processes) {
    SpawnedProcess p = processes.start("sleep", "100");

    ProcessResult r = p.stop();

    assertThat(r.exitCode()).isEqualTo(143);
    assertThat(r.signal()).contains(Signal.TERM);
    assertThat(r.stoppedByExtension()).isTrue();
    assertThat(r.succeeded()).isFalse();
    assertThat(p.isAlive()).isFalse();
    assertThat(p.stop()).as("idempotent").isSameAs(r);
    assertThat(p.kill()).isSameAs(r);
  }

  @Test
  void aProcessThatHandlesTermExitsCleanly(Processes processes) {
    // "up" once the child runs sleep: a TERM between its fork and its exec would find sh's trap
    // still installed in it and be lost, and the stop would wait its whole grace for it
    String script =
        "trap 'echo bye; exit 0' TERM; sleep 100 & c=$!;"
            + " until read -r n < /proc/$c/comm && [ \"$n\" = sleep ]; do :; done; echo up; wait";
    SpawnedProcess p = processes.start(ProcessSpec.of("sh", "-c", script).readyLine("up"));

    ProcessResult r = p.stop(Duration.ofSeconds(30));

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutLines()).containsExactly("up", "bye");
    assertThat(r.duration()).as("ended by TERM, not after the grace").isLessThan(WAIT);
    assertThat(r.stoppedByExtension()).isTrue();
  }

  @Test
  void aProcessIgnoringTermIsKilledAfterTheGrace(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "trap '' TERM; echo up; while :; do sleep 1; done")
                .readyLine("up")
                .stopTimeout(Duration.ofMillis(300)));
    List<ProcessHandle> children = p.descendants();

    ProcessResult r = p.stop();

    assertThat(r.signal()).contains(Signal.KILL);
    assertThat(r.exitCode()).isEqualTo(137);
    assertThat(children).allSatisfy(c -> assertThat(isGone(c.pid())).isTrue());
  }

  @Test
  void killEndsTheWholeTreeAtOnce(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "sleep 100 & sleep 100 & sh -c 'sleep 100 & wait' & echo started; wait")
                .readyLine("started"));
    List<Long> tree = treePids(p);
    assertThat(tree).hasSizeGreaterThanOrEqualTo(4);

    ProcessResult r = p.kill();

    assertThat(r.signal()).contains(Signal.KILL);
    assertThat(tree).allSatisfy(pid -> assertThat(isGone(pid)).as("pid %d", pid).isTrue());
  }

  @Test
  void stopReachesDescendants(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 100 & sleep 100 & echo started; wait")
                .readyLine("started"));
    List<Long> tree = treePids(p);

    p.stop();

    assertThat(tree).allSatisfy(pid -> assertThat(isGone(pid)).isTrue());
  }

  @Test
  void customStopSignal(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "trap 'echo got INT; exit 3' INT; echo up; sleep 100 & wait")
                .readyLine("up")
                .stopSignal(Signal.INT)
                .stopTimeout(Duration.ofSeconds(1)));
    List<Long> tree = treePids(p);

    ProcessResult r = p.stop();

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).contains("got INT");
    // the background sleep ignores INT (as background jobs of sh do): KILLed after the grace
    assertThat(tree).allSatisfy(pid -> assertThat(isGone(pid)).isTrue());
  }

  @Test
  void signalReachesTheProcess(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "trap 'echo got USR1' USR1; trap 'echo got HUP' HUP; echo up; while :; do sleep 0.05; done")
                .readyLine("up"));

    p.signal(Signal.USR1);
    assertThat(p.stdout().awaitLine("got USR1", WAIT)).isEqualTo("got USR1");
    p.signal(Signal.HUP);
    assertThat(p.stdout().awaitLine("got HUP", WAIT)).isEqualTo("got HUP");
    assertThat(p.isAlive()).isTrue();
  }

  @Test
  void stopAndContOfAStoppedProcess(Processes processes) {
    SpawnedProcess p = processes.start("sleep", "100");
    p.signal(Signal.STOP);

    ProcessResult r = p.stop(Duration.ofSeconds(5));

    assertThat(r.signal()).contains(Signal.TERM);
  }

  @Test
  void stopContinuesAProcessThatSomeoneElseStopped(Processes processes) {
    // nothing forks in between (kill runs through the extension, so its pid is one of ours): the
    // stop takes the way that reads no tree and checks the state only when the exit is late
    SpawnedProcess p = processes.start("sleep", "100");
    processes.run("kill", "-STOP", Long.toString(p.pid()));
    ProcessTable.awaitState(p.pid(), 'T', WAIT);

    ProcessResult r = p.stop(Duration.ofSeconds(30));

    assertThat(r.signal()).contains(Signal.TERM);
    assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aLineWaiterEndsWhenAStopEndsTheProcess(Processes processes) throws Exception {
    // a graceful stop waits for the exit in place of the exit watcher: it must still tell waiters
    assertLineWaiterEndsWithTheStop(processes, "echo up; exec sleep 100", Signal.TERM);
  }

  @Test
  void aLineWaiterEndsWhenAStopHasToKill(Processes processes) throws Exception {
    assertLineWaiterEndsWithTheStop(
        processes, "trap '' TERM; echo up; while :; do read x; done", Signal.KILL);
  }

  private static void assertLineWaiterEndsWithTheStop(
      Processes processes, String script, Signal endedBy) throws Exception {
    SpawnedProcess p = processes.start("sh", "-c", script);
    p.stdout().awaitLine("up", WAIT);
    java.util.concurrent.ExecutorService waiter =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<String> line =
          waiter.submit(() -> p.stdout().awaitLine("never", Duration.ofMinutes(5)));

      ProcessResult r = p.stop(Duration.ofMillis(endedBy == Signal.KILL ? 300 : 30_000));

      assertThat(r.signal()).contains(endedBy);
      assertThat(r.duration()).isPositive().isLessThan(Duration.ofMinutes(1)); // exit time taken
      assertThatThrownBy(
              () -> line.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
          .isInstanceOf(java.util.concurrent.ExecutionException.class)
          .hasCauseInstanceOf(ProcessExitedException.class);
    } finally {
      waiter.shutdownNow();
    }
  }

  @Test
  void twoStopsAtOnceBothReturnTheResultAndWaitersEnd(Processes processes) throws Exception {
    SpawnedProcess p = processes.start("sh", "-c", "echo up; exec sleep 100");
    p.stdout().awaitLine("up", WAIT);
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      java.util.concurrent.Future<String> line =
          threads.submit(() -> p.stdout().awaitLine("never", Duration.ofMinutes(5)));
      java.util.concurrent.Future<ProcessResult> one = threads.submit(() -> p.stop());
      java.util.concurrent.Future<ProcessResult> two = threads.submit(() -> p.stop());

      long ms = WAIT.toMillis();
      java.util.concurrent.TimeUnit unit = java.util.concurrent.TimeUnit.MILLISECONDS;
      assertThat(one.get(ms, unit).signal()).contains(Signal.TERM);
      assertThat(two.get(ms, unit).signal()).contains(Signal.TERM);
      assertThatThrownBy(() -> line.get(ms, unit)).hasCauseInstanceOf(ProcessExitedException.class);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void concurrentStopsOfSameNamedProcessesEachEndOnlyTheirOwn() {
    StopFixtures.PIDS.clear();
    StopFixtures.partners = new java.util.concurrent.Exchanger<>();

    var results = TestKit.run(StopFixtures.ConcurrentStops.class, TestKit.CONCURRENTLY);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.succeeded(8).failed(0));

    assertThat(StopFixtures.PIDS).hasSize(8).doesNotHaveDuplicates().allMatch(TestKit::isGone);
  }

  @Test
  void stopsLeaveTheCaptureThreadsFitToWatchTheNextExit(Processes processes) {
    for (int i = 0; i < 20; i++) {
      SpawnedProcess p = processes.start("sh", "-c", "echo up; exec sleep 100");
      p.stdout().awaitLine("up", WAIT);
      assertThat(p.stop().signal()).contains(Signal.TERM);
    }
    SpawnedProcess last = processes.start("sh", "-c", "echo partial; exec sleep 0.2");

    // the reused threads that watched the stopped processes now watch this one: it exits by itself
    assertThatThrownBy(() -> last.stdout().awaitLine("never", Duration.ofMinutes(5)))
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("exit code 0");
  }

  @Test
  void stopOnAnExitedProcessReturnsItsResult(Processes processes) {
    SpawnedProcess p = processes.start("sh", "-c", "exit 5");
    ProcessResult exited = p.waitFor(WAIT);

    assertThat(p.stop()).isSameAs(exited);
    assertThat(exited.exitCode()).isEqualTo(5);
    assertThat(exited.stoppedByExtension()).isFalse();
    assertThat(p.result()).contains(exited);
  }

  @Test
  void waitForTimesOutWithTheTailAndLeavesItRunning(Processes processes) {
    SpawnedProcess p = processes.start("sh", "-c", "echo working; exec sleep 100");
    p.stdout().awaitLine("working", WAIT);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.waitFor(Duration.ofMillis(100)))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 100ms waiting for the process to exit")
        .hasMessageContaining("| working");
    assertThat(p.isAlive()).isTrue();
    assertThat(p.result()).isEmpty();
  }

  @Test
  void resultIsCompleteWhenTheProcessExitsEvenIfADescendantHoldsItsOutput(Processes processes) {
    SpawnedProcess p = processes.start("sh", "-c", "sleep 100 & echo parent done");

    ProcessResult r = p.waitFor(WAIT);

    assertThat(r.stdout()).isEqualTo("parent done\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void descendantsAreListed(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 100 & echo started; wait").readyLine("started"));

    assertThat(p.descendants()).hasSize(1);
    assertThat(p.descendants().get(0).parent().map(ProcessHandle::pid)).contains(p.pid());
  }

  @Test
  void eachProcessIsInItsOwnProcessGroup(Processes processes) throws Exception {
    // The ready line comes from the process's final program image: reading /proc/PID/environ
    // while an exec is still replacing it can return nothing.
    SpawnedProcess p = processes.start(ProcessSpec.of("sh", "-c", "echo up; cat").readyLine("up"));

    String stat =
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    assertThat(Long.parseLong(fields[2])).as("process group").isEqualTo(p.pid());
    assertThat(TestKit.environ(p.pid())).containsKey("JUNIT_PROCESS_ID");
  }

  private static List<Long> treePids(SpawnedProcess p) {
    List<Long> pids = p.descendants().stream().map(ProcessHandle::pid).collect(Collectors.toList());
    pids.add(0, p.pid());
    return pids;
  }
}
