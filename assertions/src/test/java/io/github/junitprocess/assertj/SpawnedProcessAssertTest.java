package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class SpawnedProcessAssertTest {
  /** Long enough that a wait which does not fail fast would be noticed. */
  private static final Duration LONG = Duration.ofSeconds(20);

  @Test
  void isAlivePassesForARunningProcessAndFailsWithTheExitStatus(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");
    assertThat(sleeper).isAlive();

    SpawnedProcess quitter = processes.start("sh", "-c", "echo leaving; exit 4");
    quitter.waitFor(LONG);
    assertThatThrownBy(() -> assertThat(quitter).isAlive())
        .hasMessageContaining(
            "Expecting process '"
                + quitter.name()
                + "' to be alive, but it exited with exit code 4.")
        .hasMessageContaining("command: sh -c 'echo leaving; exit 4'")
        .hasMessageContaining("status: exited with exit code 4")
        .hasMessageContaining("    | leaving");
  }

  @Test
  void isNotAliveChecksNowAndFailsWithThePid(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");

    assertThatThrownBy(() -> assertThat(sleeper).isNotAlive())
        .hasMessageContaining(
            "to have exited, but it is still running (pid " + sleeper.pid() + ").")
        .hasMessageContaining("command: sleep 100")
        .hasMessageContaining("status: still running (pid " + sleeper.pid() + ")");
    sleeper.stop();
    assertThat(sleeper).isNotAlive().hasExited();
  }

  @Test
  void hasExitedWaitsInWaitingMode(Processes processes) {
    SpawnedProcess shortLived = processes.start("sleep", "0.2");

    assertThat(shortLived).within(LONG).hasExited();

    SpawnedProcess sleeper = processes.start("sleep", "100");
    assertThatThrownBy(() -> assertThat(sleeper).within(Duration.ofMillis(200)).hasExited())
        .hasMessageContaining("to have exited within 200ms, but it is still running (pid ");
  }

  @Test
  void hasNoDescendantsListsTheChildren(Processes processes) {
    assertThat(processes.start("sleep", "100")).hasNoDescendants();

    SpawnedProcess parent =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 100 & echo started; wait").readyLine("started"));
    long child = parent.descendants().get(0).pid();
    assertThatThrownBy(() -> assertThat(parent).hasNoDescendants())
        .hasMessageContaining("to have no descendants, but it has 1:\n    pid " + child + ": ")
        .hasMessageContaining("sleep 100")
        .hasMessageContaining("command: sh -c 'sleep 100 & echo started; wait'");
  }

  @Test
  void hasNoDescendantsWaitsForThemToGo(Processes processes) {
    SpawnedProcess parent =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 0.3 & echo started; wait; exec sleep 100")
                .readyLine("started"));

    assertThat(parent).eventually().hasNoDescendants().isAlive();
  }

  @Test
  void anUnreapedDescendantDoesNotCount(Processes processes) {
    // after the exec, nothing waits for the background child: killed, it stays a zombie
    SpawnedProcess parent =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 100 & echo started; exec sleep 1000")
                .readyLine("started"));
    ProcessHandle child = parent.descendants().get(0);

    child.destroyForcibly();

    assertThat(parent).within(LONG).hasNoDescendants().isAlive();
  }

  @Test
  void outputAssertionsCheckTheOutputSoFar(Processes processes) {
    SpawnedProcess server =
        processes.start(
            ProcessSpec.of("sh", "-c", "echo 'listening on 8080'; echo warming >&2; exec sleep 100")
                .readyLine("warming"));
    server.stdout().awaitLine("listening", LONG);

    assertThat(server)
        .hasStdoutContaining("on 80")
        .hasStdoutLineMatching("listening on \\d+")
        .hasStderrContaining("warm")
        .hasStderrLineMatching("^warming$");
    assertThatThrownBy(() -> assertThat(server).hasStdoutLineMatching("^on"))
        .hasMessageContaining(
            "Expecting stdout of process '"
                + server.name()
                + "' to have a line matching /^on/, but none does.")
        .hasMessageContaining("status: still running (pid " + server.pid() + ")")
        .hasMessageContaining("    | listening on 8080")
        .hasMessageContaining("    | warming");
    assertThatThrownBy(() -> assertThat(server).hasStderrContaining("ready"))
        .hasMessageContaining(
            "Expecting stderr of process '"
                + server.name()
                + "' to contain \"ready\", but it does not.");
  }

  @Test
  void eventuallyWaitsForALineStillToCome(Processes processes) {
    SpawnedProcess server =
        processes.start("sh", "-c", "sleep 0.3; echo 'listening on 9090'; exec sleep 100");

    assertThat(server).within(LONG).hasStdoutLineMatching("listening on \\d+");
    assertThat(server).eventually().hasStdoutContaining("9090").isAlive();
  }

  @Test
  void containingWaitsForTextWithoutANewline(Processes processes) {
    SpawnedProcess prompt =
        processes.start("sh", "-c", "sleep 0.2; printf 'password: '; exec sleep 100");

    assertThat(prompt).within(LONG).hasStdoutContaining("password:");
  }

  @Test
  void stderrWaitsToo(Processes processes) {
    SpawnedProcess process =
        processes.start("sh", "-c", "sleep 0.2; echo 'oops: 42' >&2; exec sleep 100");

    assertThat(process).within(LONG).hasStderrLineMatching("oops: \\d+").hasStderrContaining("42");
  }

  @Test
  void waitingForALineFailsAtOnceWhenTheProcessExits(Processes processes) {
    SpawnedProcess crasher =
        processes.start("sh", "-c", "sleep 0.2; echo 'fatal: no config' >&2; exit 1");

    long start = System.nanoTime();
    AssertionError error =
        catchThrowableOfType(
            AssertionError.class,
            () -> assertThat(crasher).within(LONG).hasStdoutLineMatching("listening"));

    Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(LONG.dividedBy(2));
    Assertions.assertThat(error)
        .hasMessageContaining(
            "Expecting stdout of process '"
                + crasher.name()
                + "' to have a line matching /listening/ within 20s,"
                + " but the process exited without writing it.")
        .hasMessageContaining("status: exited with exit code 1")
        .hasMessageContaining("stderr (1 line):\n    | fatal: no config");
  }

  @Test
  void waitingForTextFailsAtOnceWhenTheProcessExits(Processes processes) {
    SpawnedProcess crasher = processes.start("sh", "-c", "sleep 0.2; echo partial; exit 2");

    long start = System.nanoTime();
    AssertionError error =
        catchThrowableOfType(
            AssertionError.class,
            () -> assertThat(crasher).within(LONG).hasStdoutContaining("complete"));

    Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(LONG.dividedBy(2));
    Assertions.assertThat(error)
        .hasMessageContaining(
            "to contain \"complete\" within 20s, but the process exited without writing it.")
        .hasMessageContaining("status: exited with exit code 2")
        .hasMessageContaining("    | partial");
  }

  @Test
  void textWrittenJustBeforeExitStillCounts(Processes processes) {
    SpawnedProcess process = processes.start("sh", "-c", "sleep 0.2; printf 'last words'; exit 0");

    assertThat(process).within(LONG).hasStdoutContaining("last words");
    assertThat(process).within(LONG).hasStdoutLineMatching("words$");
  }

  @Test
  void waitingFailsAtTheDeadlineWhileTheProcessRuns(Processes processes) {
    SpawnedProcess sleeper = processes.start("sh", "-c", "echo idle; exec sleep 100");

    assertThatThrownBy(
            () -> assertThat(sleeper).within(Duration.ofMillis(300)).hasStdoutLineMatching("ready"))
        .hasMessageContaining("to have a line matching /ready/ within 300ms, but it did not.")
        .hasMessageContaining("status: still running (pid " + sleeper.pid() + ")");
    assertThatThrownBy(
            () -> assertThat(sleeper).within(Duration.ofMillis(300)).hasStderrContaining("ready"))
        .hasMessageContaining(
            "Expecting stderr of process '"
                + sleeper.name()
                + "' to contain \"ready\" within 300ms, but it did not.");
  }

  @Test
  void eventuallyUsesTheConfiguredTimeout(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");

    System.setProperty(AssertionSettings.TIMEOUT_PROPERTY, "250ms");
    try {
      assertThatThrownBy(() -> assertThat(sleeper).eventually().hasStdoutContaining("never"))
          .hasMessageContaining("within 250ms, but it did not.");
    } finally {
      System.clearProperty(AssertionSettings.TIMEOUT_PROPERTY);
    }
  }

  @Test
  void withinRejectsANonPositiveTimeout(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");

    assertThatThrownBy(() -> assertThat(sleeper).within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  void staysAliveForPassesWhenTheProcessKeepsRunning(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");

    long start = System.nanoTime();
    assertThat(sleeper).staysAliveFor(Duration.ofMillis(300)).isAlive();

    Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void staysAliveForFailsAsSoonAsTheProcessExits(Processes processes) {
    SpawnedProcess crasher = processes.start("sh", "-c", "sleep 0.2; echo boom >&2; exit 5");

    long start = System.nanoTime();
    AssertionError error =
        catchThrowableOfType(AssertionError.class, () -> assertThat(crasher).staysAliveFor(LONG));

    Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(LONG.dividedBy(2));
    Assertions.assertThat(error)
        .hasMessageContaining("to stay alive for 20s, but after ")
        .hasMessageContaining(" it exited with exit code 5.")
        .hasMessageContaining("    | boom");
  }

  @Test
  void exitsWithinNavigatesToTheResult(Processes processes) {
    SpawnedProcess job = processes.start("sh", "-c", "sleep 0.2; echo done");

    assertThat(job).exitsWithin(LONG).succeeded().hasStdoutEqualTo("done\n");

    SpawnedProcess failing = processes.start("sh", "-c", "echo bad >&2; exit 7");
    assertThatThrownBy(() -> assertThat(failing).exitsWithin(LONG).succeeded())
        .hasMessageContaining("to succeed (exit code 0), but it exited with exit code 7.")
        .hasMessageContaining("    | bad");
  }

  @Test
  void exitsWithinFailsWhenStillRunning(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");

    assertThatThrownBy(() -> assertThat(sleeper).as("daemon").exitsWithin(Duration.ofMillis(200)))
        .hasMessageStartingWith(
            "[daemon] \nExpecting process '"
                + sleeper.name()
                + "' to exit within 200ms, but it is still running (pid "
                + sleeper.pid()
                + ").")
        .hasMessageContaining("command: sleep 100");
  }

  @Test
  void exitsWithinKeepsTheDescription(Processes processes) {
    SpawnedProcess job = processes.start("sh", "-c", "exit 1");

    assertThatThrownBy(() -> assertThat(job).as("job").exitsWithin(LONG).succeeded())
        .hasMessageStartingWith("[job] \nExpecting process");
  }

  @Test
  void navigatesToOutputAssertionsInTheSameMode(Processes processes) {
    SpawnedProcess server =
        processes.start("sh", "-c", "sleep 0.2; echo ready; echo 'warn: x' >&2; exec sleep 100");

    assertThat(server).within(LONG).stdout().containsLine("ready");
    assertThat(server).within(LONG).stderr().hasLineMatching("^warn");
    assertThatThrownBy(() -> assertThat(server).stdout().containsLine("gone"))
        .hasMessageContaining(
            "Expecting stdout of process '"
                + server.name()
                + "' to contain the line \"gone\", but none does.")
        .hasMessageContaining("command: sh -c")
        .hasMessageContaining("status: still running (pid " + server.pid() + ")");
  }
}
