package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timeouts at the edges of {@link Duration}: "forever" (longer than a {@code long} of nanoseconds
 * can hold) waits for the event like any other timeout; zero and negative ones time out at once.
 */
@ExtendWith({NothingLeftBehind.class, ProcessExtension.class})
class ExtremeDurationsTest {
  private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  @SpawnProcess(
      value = {"sh", "-c", "echo ready; exec sleep 300"},
      readyLine = "ready",
      startupTimeout = "999999999999d",
      stopTimeout = "999999999999d")
  SpawnedProcess declared;

  @Test
  void anAnnotationMayGiveTimeoutsOfAges() {
    assertThat(declared.isAlive()).isTrue();
    assertThat(declared.stop().signal()).contains(Signal.TERM);
  }

  @Test
  void theApiMayBeGivenForever(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "echo ready; exec sleep 300")
                .readyLine("ready")
                .startupTimeout(FOREVER)
                .stopTimeout(FOREVER));
    assertThat(p.stdout().awaitLine("ready", FOREVER)).isEqualTo("ready");
    assertThat(p.stop(FOREVER).signal()).contains(Signal.TERM);

    assertThat(processes.run(ProcessSpec.of("true").startupTimeout(FOREVER)).exitCode()).isZero();
    assertThat(processes.start("sh", "-c", "exit 4").waitFor(FOREVER).exitCode()).isEqualTo(4);
  }

  @Test
  void zeroAndNegativeTimeoutsTimeOutAtOnce(Processes processes) {
    SpawnedProcess p = processes.start("sleep", "300");

    for (Duration none :
        new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), FOREVER.negated()}) {
      assertThatThrownBy(() -> p.waitFor(none)).isInstanceOf(ProcessTimeoutException.class);
      assertThatThrownBy(() -> p.stdout().awaitLine("x", none))
          .isInstanceOf(ProcessTimeoutException.class);
    }
    assertThat(p.stop(Duration.ofSeconds(-1)).stoppedByExtension()).isTrue();
  }
}
