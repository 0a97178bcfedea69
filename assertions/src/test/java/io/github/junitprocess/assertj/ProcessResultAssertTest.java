package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class ProcessResultAssertTest {
  private static final String FAILING = "echo out; echo err >&2; exit 3";

  @Test
  void succeededPassesOnExitCodeZero(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo hello");

    assertThat(result).succeeded().hasExitCode(0);
  }

  @Test
  void succeededFailsWithCommandStatusAndBothTails(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", FAILING);

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting process '"
                + result.name()
                + "' to succeed (exit code 0), but it exited with exit code 3.")
        .hasMessageContaining("process: '" + result.name() + "' (pid " + result.pid() + ")")
        .hasMessageContaining("command: sh -c '" + FAILING + "'")
        .hasMessageContaining("status: exited with exit code 3")
        .hasMessageContaining("stdout (1 line):\n    | out\n")
        .hasMessageContaining("stderr (1 line):\n    | err\n");
  }

  @Test
  void failedPassesOnNonZeroExitAndFailsOnZero(Processes processes) {
    assertThat(processes.run("sh", "-c", FAILING)).failed();

    ProcessResult ok = processes.run("sh", "-c", "echo fine");
    assertThatThrownBy(() -> assertThat(ok).failed())
        .hasMessageContaining("to fail (exit code other than 0), but it exited with exit code 0.")
        .hasMessageContaining("command: sh -c 'echo fine'")
        .hasMessageContaining("    | fine");
  }

  @Test
  void hasExitCodeComparesTheCode(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", FAILING);

    assertThat(result).hasExitCode(3);
    assertThatThrownBy(() -> assertThat(result).hasExitCode(2))
        .hasMessageContaining("to have exit code 2, but it exited with exit code 3.")
        .hasMessageContaining("command: sh -c '" + FAILING + "'")
        .hasMessageContaining("    | err");
  }

  @Test
  void wasKilledByAndWasStoppedByExtensionReadAStoppedProcess(Processes processes) {
    SpawnedProcess sleeper = processes.start("sleep", "100");
    ProcessResult stopped = sleeper.stop();

    assertThat(stopped).wasKilledBy(Signal.TERM).wasStoppedByExtension().failed();
    assertThatThrownBy(() -> assertThat(stopped).succeeded())
        .hasMessageContaining(
            "but it was killed by signal TERM (exit code 143), stopped by the extension.")
        .hasMessageContaining(
            "status: was killed by signal TERM (exit code 143), stopped by the extension");
    assertThatThrownBy(() -> assertThat(stopped).wasKilledBy(Signal.KILL))
        .hasMessageContaining(
            "to be killed by signal KILL (exit code 137), but it was killed by signal TERM"
                + " (exit code 143), stopped by the extension.")
        .hasMessageContaining("command: sleep 100");
  }

  @Test
  void killIsReportedAsSignalKill(Processes processes) {
    ProcessResult killed = processes.start("sleep", "100").kill();

    assertThat(killed).wasKilledBy(Signal.KILL).hasExitCode(137).wasStoppedByExtension();
  }

  @Test
  void wasKilledByFailsForAProcessThatExitedNormally(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "exit 0");

    assertThatThrownBy(() -> assertThat(result).wasKilledBy(Signal.TERM))
        .hasMessageContaining(
            "to be killed by signal TERM (exit code 143), but it exited with exit code 0.")
        .hasMessageContaining("command: sh -c 'exit 0'");
  }

  @Test
  void aProcessKillingItselfWasNotStoppedByTheExtension(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo bye; kill -TERM $$");

    assertThat(result).wasKilledBy(Signal.TERM);
    assertThatThrownBy(() -> assertThat(result).wasStoppedByExtension())
        .hasMessageContaining(
            "to have been stopped by the extension, but it ended on its own: it was killed by"
                + " signal TERM (exit code 143).")
        .hasMessageContaining("    | bye");
  }

  @Test
  void stdoutAssertionsPassOnFittingOutput(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "printf 'hello world\\nport 8080\\n'");

    assertThat(result)
        .hasStdoutContaining("lo wo")
        .hasStdoutMatching("port \\d+")
        .hasStdoutMatching("(?m)^hello")
        .hasStdoutEqualTo("hello world\nport 8080\n")
        .hasEmptyStderr();
  }

  @Test
  void stdoutContainingFailsWithTheTail(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo actual output");

    assertThatThrownBy(() -> assertThat(result).hasStdoutContaining("expected"))
        .hasMessageContaining(
            "Expecting stdout of process '"
                + result.name()
                + "' to contain \"expected\", but it does not.")
        .hasMessageContaining("command: sh -c 'echo actual output'")
        .hasMessageContaining("status: exited with exit code 0")
        .hasMessageContaining("stdout (1 line):\n    | actual output")
        .hasMessageContaining("stderr: (empty)");
  }

  @Test
  void matchingUsesFindAndFailsWithTheRegex(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo 'a b c'");

    assertThat(result).hasStdoutMatching("b");
    assertThatThrownBy(() -> assertThat(result).hasStdoutMatching("^b"))
        .hasMessageContaining("to match /^b/ (found anywhere), but it does not.")
        .hasMessageContaining("    | a b c");
  }

  @Test
  void equalToFailureCarriesActualAndExpected(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo one");

    AssertionError error =
        catchThrowableOfType(
            AssertionError.class, () -> assertThat(result).hasStdoutEqualTo("two\n"));

    Assertions.assertThat(error)
        .hasMessageContaining("to be equal to:\n  \"two\n\"\nbut was:\n  \"one\n\"")
        .hasMessageContaining("command: sh -c 'echo one'");
    Assertions.assertThat(error)
        .isInstanceOf(org.opentest4j.AssertionFailedError.class)
        .extracting(e -> ((org.opentest4j.AssertionFailedError) e).getActual().getValue())
        .isEqualTo("one\n");
  }

  @Test
  void emptyStdoutFailsWhenSomethingWasWritten(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo something");

    assertThatThrownBy(() -> assertThat(result).hasEmptyStdout())
        .hasMessageContaining("to be empty, but it has 10 characters.")
        .hasMessageContaining("    | something");
    assertThat(processes.run("true")).hasEmptyStdout().hasEmptyStderr();
  }

  @Test
  void stderrAssertionsMirrorStdout(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo 'usage: tool [options]' >&2; exit 2");

    assertThat(result)
        .hasExitCode(2)
        .hasStderrMatching("(?s).*usage:.*")
        .hasStderrContaining("[options]")
        .hasStderrEqualTo("usage: tool [options]\n")
        .hasEmptyStdout();
    assertThatThrownBy(() -> assertThat(result).hasStderrContaining("--help"))
        .hasMessageContaining(
            "Expecting stderr of process '" + result.name() + "' to contain \"--help\"")
        .hasMessageContaining("status: exited with exit code 2")
        .hasMessageContaining("stderr (1 line):\n    | usage: tool [options]");
    assertThatThrownBy(() -> assertThat(result).hasStderrMatching("^Usage"))
        .hasMessageContaining("Expecting stderr of process");
    assertThatThrownBy(() -> assertThat(result).hasStderrEqualTo(""))
        .hasMessageContaining("Expecting stderr of process");
    assertThatThrownBy(() -> assertThat(result).hasEmptyStderr())
        .hasMessageContaining("Expecting stderr of process")
        .hasMessageContaining("to be empty");
  }

  @Test
  void navigatesToStringAndListAssertions(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo a; echo b; echo c; echo oops >&2");

    assertThat(result).stdout().startsWith("a\n").endsWith("c\n");
    assertThat(result).stdoutLines().containsExactly("a", "b", "c");
    assertThat(result).stderr().isEqualTo("oops\n");
    assertThat(result).stderrLines().hasSize(1);
  }

  @Test
  void navigatedAssertionsDescribeTheProcess(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo a; echo warn >&2; exit 1");

    assertThatThrownBy(() -> assertThat(result).stdout().contains("zzz"))
        .hasMessageContaining("[stdout of process '" + result.name() + "'")
        .hasMessageContaining("command: sh -c 'echo a; echo warn >&2; exit 1'")
        .hasMessageContaining("status: exited with exit code 1")
        .hasMessageContaining("    | warn")
        .hasMessageContaining("to contain:");
    assertThatThrownBy(() -> assertThat(result).as("build").stderrLines().hasSize(5))
        .hasMessageContaining("[build: stderr of process '" + result.name() + "'")
        .hasMessageContaining("status: exited with exit code 1");
  }

  @Test
  void finishedWithinComparesTheDuration(Processes processes) {
    ProcessResult quick = processes.run("true");
    assertThat(quick).finishedWithin(Duration.ofSeconds(20));

    ProcessResult slow = processes.run("sleep", "0.3");
    assertThatThrownBy(() -> assertThat(slow).finishedWithin(Duration.ofMillis(50)))
        .hasMessageContaining("to finish within 50ms, but it took ")
        .hasMessageContaining("command: sleep 0.3");
  }

  @Test
  void supportsAssertJDescriptionsOverridesAndSatisfies(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", FAILING);

    assertThatThrownBy(() -> assertThat(result).as("the build step").succeeded())
        .hasMessageStartingWith("[the build step] \nExpecting process")
        .hasMessageContaining("    | err");
    assertThatThrownBy(() -> assertThat(result).describedAs("step %d", 2).hasExitCode(0))
        .hasMessageStartingWith("[step 2] \nExpecting process");
    assertThatThrownBy(() -> assertThat(result).withFailMessage("custom %s", "text").succeeded())
        .hasMessage("custom text");
    assertThat(result)
        .satisfies(r -> Assertions.assertThat(r.stdoutLines()).containsExactly("out"))
        .hasExitCode(3);
    assertThatThrownBy(
            () -> assertThat(result).satisfies(r -> Assertions.assertThat(r.exitCode()).isZero()))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void nullResultFailsLikeAssertJ() {
    assertThatThrownBy(() -> assertThat((ProcessResult) null).succeeded())
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat((ProcessResult) null).stdout())
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void invalidRegexIsAnErrorOfTheTestNotAFailure(Processes processes) {
    ProcessResult result = processes.run("true");

    assertThatThrownBy(() -> assertThat(result).hasStdoutMatching("("))
        .isInstanceOf(java.util.regex.PatternSyntaxException.class);
    assertThatCode(() -> assertThat(result).hasStdoutMatching("")).doesNotThrowAnyException();
  }
}
