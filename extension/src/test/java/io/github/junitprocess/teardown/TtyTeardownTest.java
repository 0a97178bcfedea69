package io.github.junitprocess.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.TtyFixtures;
import io.github.junitprocess.torture.ProcessTable;
import io.github.junitprocess.torture.fixtures.ForkedLauncher;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Terminal mode at scope end, under parallel execution, and where no terminal can be had. */
@ExtendWith(ProcessExtension.class)
@ResourceLock("TtyFixtures")
class TtyTeardownTest {

  @Test
  void scopeEndRemovesEveryTreeOnATerminal() {
    TtyFixtures.SEEN.clear();

    TestKit.run(TtyFixtures.TreesOnTerminals.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    // keepers, shells, sleeps, the TERM-ignoring one and the python3 that left its tree by setsid
    assertThat(new HashSet<>(TtyFixtures.SEEN)).hasSizeGreaterThanOrEqualTo(10);
    ProcessTable.assertGoneWithin(TtyFixtures.SEEN, Duration.ZERO);
  }

  @Test
  void parallelTestsEachGetATerminalOfTheirOwn() {
    TtyFixtures.TERMINALS.clear();
    // in pairs: how many of the eight run at once varies with the engine's work stealing (three or
    // four of four threads, JUnit 6 included), and a party of four could then wait for a fourth
    // that never comes; two terminals open at the same time are met whatever the parallelism
    TtyFixtures.allTerminalsOpen = new CyclicBarrier(2);

    TestKit.run(TtyFixtures.TerminalsInParallel.class, TestKit.CONCURRENTLY)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(8).failed(0));

    assertThat(TtyFixtures.TERMINALS).hasSize(8);
    assertThat(TtyFixtures.TERMINALS).allMatch(t -> t.startsWith("/dev/"));
    assertThat(new HashSet<>(TtyFixtures.TERMINALS)).hasSize(8);
  }

  @Test
  void withoutPythonTheStartSaysWhatTerminalModeNeeds(Processes processes) {
    ProcessResult jvm =
        processes.run(
            ProcessSpec.java(ForkedLauncher.class, TtyFixtures.WithoutPython.class.getName())
                .env("PATH", "/nonexistent")
                .startupTimeout(Duration.ofMinutes(2)));

    assertThat(jvm.stdout()).contains("SUMMARY succeeded=0 failed=1");
    assertThat(jvm.stderr())
        .contains(ProcessStartException.class.getName())
        .contains("Cannot start process 'hello'")
        .contains("terminal mode (tty) needs python3")
        .contains("python3 was not found on PATH (/nonexistent)");
  }
}
