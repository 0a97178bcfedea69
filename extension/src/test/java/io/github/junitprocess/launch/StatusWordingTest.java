package io.github.junitprocess.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessFailedException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.FailureReportFixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every message words a process's status alike: {@code exited with exit code N}, {@code was killed
 * by signal S (exit code N)} (with {@code , stopped by the extension} when it was), or {@code still
 * running (pid N)}.
 */
@ExtendWith(ProcessExtension.class)
class StatusWordingTest {
  private static final Pattern PROCESS_AND_STATUS =
      Pattern.compile("\n  process: '[^']+' \\(pid (\\d+)\\)\n(?:.*\n)*?  status: (.*)\n");

  @Test
  void aProcessThatExitsBeforeItIsReady(Processes processes) {
    ProcessSpec spec = ProcessSpec.of("sh", "-c", "echo starting; exit 3").readyLine("^READY$");

    assertThatThrownBy(() -> processes.start(spec))
        .isExactlyInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("\n  status: exited with exit code 3\n");
  }

  @Test
  void aProcessKilledBySignalBeforeItIsReady(Processes processes) {
    ProcessSpec spec = ProcessSpec.of("sh", "-c", "kill -KILL $$").readyLine("^READY$");

    assertThatThrownBy(() -> processes.start(spec))
        .isExactlyInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("\n  status: was killed by signal KILL (exit code 137)\n");
  }

  @Test
  void aProcessThatIsNotReadyInTimeIsStillRunningWhenTheMessageIsWritten(Processes processes) {
    ProcessSpec spec =
        ProcessSpec.of("sleep", "100").readyLine("^READY$").startupTimeout(Duration.ofMillis(300));

    Throwable failure = catchThrowable(() -> processes.start(spec));

    assertThat(failure).isExactlyInstanceOf(ProcessTimeoutException.class);
    assertStillRunningWithItsOwnPid(failure.getMessage());
  }

  @Test
  void aFailedResultExitedOrWasKilled(Processes processes) {
    ProcessResult exited = processes.run(ProcessSpec.of("sh", "-c", "exit 3").name("exits"));
    ProcessResult killed =
        processes.run(ProcessSpec.of("sh", "-c", "kill -TERM $$").name("terminated"));

    assertThatThrownBy(exited::orThrow)
        .isExactlyInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith(
            "Process 'exits' failed: it exited with exit code 3\n  command: sh -c 'exit 3'\n");
    assertThatThrownBy(killed::orThrow)
        .isExactlyInstanceOf(ProcessFailedException.class)
        .hasMessageStartingWith(
            "Process 'terminated' failed: it was killed by signal TERM (exit code 143)\n");
  }

  @Test
  void waitingOnALiveProcessAndThenOnAKilledOne(Processes processes) {
    SpawnedProcess sleeper = processes.start(ProcessSpec.of("sleep", "100").name("sleeper"));

    assertThatThrownBy(() -> sleeper.waitFor(Duration.ofMillis(100)))
        .isExactlyInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("\n  status: still running (pid " + sleeper.pid() + ")\n");

    sleeper.kill();

    assertThatThrownBy(() -> sleeper.stdout().awaitLine("never", Duration.ofSeconds(10)))
        .isExactlyInstanceOf(ProcessExitedException.class)
        .hasMessageContaining(
            "\n  status: was killed by signal KILL (exit code 137), stopped by the extension\n");
  }

  @Test
  void theReportOfAFailedTestShowsEachLiveProcessWithItsPid() {
    Throwable failure = TestKit.singleFailure(TestKit.run(FailureReportFixtures.FailingTest.class));

    assertThat(failure.getSuppressed()).hasSize(2);
    Arrays.stream(failure.getSuppressed())
        .map(Throwable::getMessage)
        .forEach(StatusWordingTest::assertStillRunningWithItsOwnPid);
  }

  private static void assertStillRunningWithItsOwnPid(String message) {
    Matcher m = PROCESS_AND_STATUS.matcher(message);
    assertThat(m.find()).as("process and status lines in:\n%s", message).isTrue();
    assertThat(m.group(2)).isEqualTo("still running (pid " + m.group(1) + ")");
  }
}
