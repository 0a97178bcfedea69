package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.torture.fixtures.ForkedLauncher;
import io.github.junitprocess.torture.fixtures.ReaperFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promise for a test JVM that dies mid-test: a fixture runs in a child JVM, starts processes
 * (one a daemon that left its tree), prints their pids and blocks; then the child JVM is SIGKILLed
 * or calls {@code System.exit}, and every process it started must be gone within 5 s; after a
 * SIGKILL, so must its {@code ${tempDir}} and {@code ${tempDir.NAME}} directories.
 */
@ExtendWith({NothingLeftBehind.class, ProcessExtension.class})
class ReaperTest {
  private static final Duration REAPED_WITHIN = Duration.ofSeconds(5);
  private static final String REAPER_MARK = "junit-process-reaper";

  @Test
  void sigkillOfTheTestJvmLeavesNothingBehind(Processes processes, TestReporter reporter) {
    SpawnedProcess jvm = startBlockedJvm(processes, ReaperFixtures.BlockedMidTest.class, true);
    List<ProcessTable.Seen> started = startedBy(jvm);
    List<ProcessTable.Seen> reapers = reapersOf(jvm);
    assertThat(reapers).as("the reaper sidecar of the child JVM").hasSize(1);

    long t0 = System.nanoTime();
    ProcessHandle.of(jvm.pid()).orElseThrow().destroyForcibly();
    Duration took = ProcessTable.assertGoneWithin(started, REAPED_WITHIN);

    String figure = "reaper killed " + started.size() + " processes " + took.toMillis() + " ms";
    System.out.println("[torture] " + figure + " after SIGKILL of the test JVM");
    reporter.publishEntry("reaperKillMillis", Long.toString(took.toMillis()));
    assertThat(jvm.waitFor(REAPED_WITHIN).signal()).contains(Signal.KILL);
    ProcessTable.assertGoneWithin(reapers, REAPED_WITHIN);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(REAPED_WITHIN);
  }

  @Test
  void sigkillOfTheTestJvmLeavesNoSharedProcessBehind(Processes processes) {
    SpawnedProcess jvm = startBlockedJvm(processes, ReaperFixtures.SharedMidTest.class, true);
    List<ProcessTable.Seen> started = startedBy(jvm);
    assertThat(started).as("the shared process, and the daemon it left").hasSizeGreaterThan(1);

    ProcessHandle.of(jvm.pid()).orElseThrow().destroyForcibly();

    ProcessTable.assertGoneWithin(started, REAPED_WITHIN);
    assertThat(jvm.waitFor(REAPED_WITHIN).signal()).contains(Signal.KILL);
  }

  @Test
  void sigkillOfTheTestJvmLeavesNoTempDirBehind(Processes processes) throws IOException {
    SpawnedProcess jvm = startBlockedJvm(processes, ReaperFixtures.TempDirsMidTest.class, true);
    List<ProcessTable.Seen> started = startedBy(jvm);
    List<Path> dirs =
        Arrays.stream(
                jvm.stdout().awaitLine("^DIRS ", Duration.ofSeconds(1)).substring(5).split(" "))
            .map(Path::of)
            .collect(Collectors.toList());
    assertThat(dirs)
        .as("${tempDir}, ${tempDir.shared}, ${tempDir.data}")
        .hasSize(3)
        .doesNotHaveDuplicates();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(Files::isRegularFile)).as("files in %s", dir).hasSize(1);
      }
    }

    long t0 = System.nanoTime();
    ProcessHandle.of(jvm.pid()).orElseThrow().destroyForcibly();
    ProcessTable.assertGoneWithin(started, REAPED_WITHIN);
    Duration took = assertDeletedWithin(dirs, REAPED_WITHIN.minusNanos(System.nanoTime() - t0));

    System.out.println(
        "[torture] reaper deleted "
            + dirs.size()
            + " temp dirs "
            + took.toMillis()
            + " ms after the processes were gone");
    assertThat(jvm.waitFor(REAPED_WITHIN).signal()).contains(Signal.KILL);
  }

  @Test
  void reaperDisabledStartsNoSidecarAndLeavesOrphansToTheirFate(Processes processes) {
    SpawnedProcess jvm = startBlockedJvm(processes, ReaperFixtures.BlockedMidTest.class, false);
    List<ProcessTable.Seen> started = startedBy(jvm);
    try {
      assertThat(reapersOf(jvm)).as("no sidecar with junit.process.reaper.enabled=false").isEmpty();

      ProcessHandle.of(jvm.pid()).orElseThrow().destroyForcibly();
      assertThat(jvm.waitFor(REAPED_WITHIN).signal()).contains(Signal.KILL);

      ProcessTable.assertAliveThroughout(started, Duration.ofSeconds(1));
    } finally {
      ProcessTable.killAll(started);
      ProcessTable.assertGoneWithin(started, REAPED_WITHIN);
    }
  }

  @ParameterizedTest(name = "reaper enabled: {0}")
  @ValueSource(booleans = {false, true})
  void systemExitMidTestLeavesNothingBehind(boolean reaper, Processes processes) {
    SpawnedProcess jvm = startBlockedJvm(processes, ReaperFixtures.BlockedMidTest.class, reaper);
    List<ProcessTable.Seen> started = startedBy(jvm);

    jvm.writeLine("exit");
    ProcessResult result = jvm.waitFor(Duration.ofSeconds(30));

    assertThat(result.exitCode()).as("the fixture's System.exit(7)").isEqualTo(7);
    Duration took = ProcessTable.assertGoneWithin(started, REAPED_WITHIN);
    System.out.println(
        "[torture] after System.exit (reaper "
            + (reaper ? "on" : "off")
            + ") the last process was gone "
            + took.toMillis()
            + " ms after the JVM exited");
  }

  @Test
  void reaperNeverKillsAProcessThatRecycledAPidItKnew(Processes processes) throws Exception {
    SpawnedProcess jvm = startBlockedJvm(processes, ReaperFixtures.KillsOnRequest.class, true);
    long pid = startedBy(jvm).get(0).pid();
    List<ProcessTable.Seen> reapers = reapersOf(jvm);
    jvm.writeLine("kill");
    jvm.stdout().awaitLine("^KILLED$", Duration.ofSeconds(10));

    Optional<Process> stranger = PidRecycler.startSessionLeaderAs(pid);
    Assumptions.assumeTrue(stranger.isPresent(), "this machine does not let pid " + pid + " recur");
    List<ProcessTable.Seen> strangers = List.of(ProcessTable.require(pid));
    try {
      assertThat(ProcessTable.groupOf(pid))
          .as("the stranger leads a group of the old id")
          .isEqualTo(pid);

      ProcessHandle.of(jvm.pid()).orElseThrow().destroyForcibly();
      ProcessTable.assertGoneWithin(reapers, REAPED_WITHIN);

      assertThat(stranger.get().isAlive()).isTrue();
      ProcessTable.assertAliveThroughout(strangers, Duration.ofMillis(200));
    } finally {
      ProcessTable.killAll(strangers);
      ProcessTable.assertGoneWithin(strangers, REAPED_WITHIN);
    }
  }

  /**
   * Waits for every directory to be gone, checking with a growing pause: nothing signals the
   * deletion of a directory by another process.
   */
  private static Duration assertDeletedWithin(List<Path> dirs, Duration timeout) {
    long start = System.nanoTime();
    long pause = 1_000_000;
    while (dirs.stream().anyMatch(Files::exists)) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        throw new AssertionError(
            "temp dirs still there after "
                + timeout.toMillis()
                + " ms: "
                + dirs.stream().filter(Files::exists).collect(Collectors.toList()));
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, 50_000_000);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Starts {@code fixture} in a child JVM and waits until it printed its pids. */
  private static SpawnedProcess startBlockedJvm(
      Processes processes, Class<?> fixture, boolean reaper) {
    return processes.start(
        ProcessSpec.java(
                ForkedLauncher.class,
                fixture.getName(),
                "junit.process.reaper.enabled=" + reaper,
                "junit.process.leaks=off")
            .jvmArgs("-Xmx64m", "-XX:TieredStopAtLevel=1")
            .readyLine("^PIDS ")
            .startupTimeout(Duration.ofSeconds(60))
            .stopTimeout(Duration.ofSeconds(5)));
  }

  /** The processes the child JVM printed, and every other descendant it has but its reaper. */
  private static List<ProcessTable.Seen> startedBy(SpawnedProcess jvm) {
    String line = jvm.stdout().awaitLine("^PIDS ", Duration.ofSeconds(1));
    Set<ProcessTable.Seen> out = new LinkedHashSet<>();
    Arrays.stream(line.substring(5).trim().split(" "))
        .map(Long::parseLong)
        .forEach(pid -> out.add(ProcessTable.require(pid)));
    for (ProcessTable.Seen s : ProcessTable.descendants(jvm.pid())) {
      if (!ProcessTable.commandLine(s.pid()).contains(REAPER_MARK)) {
        out.add(s);
      }
    }
    assertThat(out).allMatch(s -> !s.isGone());
    return new ArrayList<>(out);
  }

  private static List<ProcessTable.Seen> reapersOf(SpawnedProcess jvm) {
    List<ProcessTable.Seen> out = new ArrayList<>();
    for (ProcessTable.Seen s : ProcessTable.descendants(jvm.pid())) {
      if (ProcessTable.commandLine(s.pid()).contains(REAPER_MARK)) {
        out.add(s);
      }
    }
    return out;
  }
}
