package io.github.junitprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @SpawnProcess({"sh", "-c", "echo hello; echo oops >&2; exec sleep 100"})
  SpawnedProcess sleeper;

  @SpawnProcess({"sh", "-c", "echo done; exit 3"})
  ProcessResult result;

  @Test
  void startsAndCaptures(Processes processes) {
    assertThat(sleeper.isAlive()).isTrue();
    assertThat(sleeper.stdout().awaitLine("hel+o", Duration.ofSeconds(5))).isEqualTo("hello");
    assertThat(sleeper.stderr().awaitLine("oops", Duration.ofSeconds(5))).isEqualTo("oops");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("done\n");
    ProcessResult r = processes.run("echo", "hi");
    assertThat(r.stdout()).isEqualTo("hi\n");
    ProcessResult stopped = sleeper.stop();
    assertThat(stopped.signal()).contains(Signal.TERM);
    assertThat(stopped.stoppedByExtension()).isTrue();
  }
}
