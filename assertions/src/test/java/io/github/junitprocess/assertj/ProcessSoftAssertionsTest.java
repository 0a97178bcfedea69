package io.github.junitprocess.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class ProcessSoftAssertionsTest {
  private final ProcessSoftAssertions softly = new ProcessSoftAssertions();

  @Test
  void passingAssertionsCollectNothing(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo hello");
    SpawnedProcess process = processes.start("sh", "-c", "echo up; exec sleep 100");

    softly.assertThat(result).succeeded().hasStdoutContaining("hello").stdout().endsWith("\n");
    softly.assertThat(process).isAlive().eventually().hasStdoutLineMatching("up");
    softly.assertThat(process.stdout()).containsLine("up");
    softly.assertThat("plain").startsWith("pl");

    assertThat(softly.errorsCollected()).isEmpty();
    softly.assertAll();
  }

  @Test
  void collectsEveryFailureOfEveryKind(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo out; exit 3");
    SpawnedProcess process = processes.start("sleep", "100");

    softly.assertThat(result).succeeded().hasStdoutContaining("missing").hasExitCode(3);
    softly.assertThat(process).isNotAlive();
    softly.assertThat(process.stdout()).containsLine("never");
    softly.assertThat("plain").isEqualTo("other");

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m -> assertThat(m).contains("to succeed (exit code 0), but it exited with exit code 3"),
            m -> assertThat(m).contains("to contain \"missing\"").contains("    | out"),
            m ->
                assertThat(m)
                    .contains("to have exited, but it is still running (pid " + process.pid() + ")")
                    .contains("command: sleep 100"),
            m -> assertThat(m).contains("to contain the line \"never\""),
            m -> assertThat(m).contains("expected: \"other\""));
    AssertJMultipleFailuresError error =
        catchThrowableOfType(AssertJMultipleFailuresError.class, softly::assertAll);
    assertThat(error.getFailures()).hasSize(5);
    assertThat(error).hasMessageContaining("Multiple Failures (5 failures)");
  }

  @Test
  void navigatedAssertionsAreSoftToo(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo a; echo b >&2");
    SpawnedProcess process =
        processes.start(ProcessSpec.of("sh", "-c", "echo up; exec sleep 100").readyLine("up"));

    softly.assertThat(result).stdout().contains("zzz");
    softly.assertThat(result).stdoutLines().hasSize(7);
    softly.assertThat(result).stderr().isEmpty();
    softly.assertThat(result).stderrLines().isEmpty();
    softly.assertThat(process).stdout().hasLineCount(9);
    softly.assertThat(process.stdout()).lines().isEmpty();

    assertThat(softly.errorsCollected())
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.getMessage()).contains("    | "));
  }

  @Test
  void aFailedExitsWithinIsCollectedAndTheChainGoesOn(Processes processes) {
    SpawnedProcess process = processes.start("sleep", "100");

    softly.assertThat(process).exitsWithin(Duration.ofMillis(100)).succeeded();

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m -> assertThat(m).contains("to exit within 100ms, but it is still running"),
            m -> assertThat(m).contains("Expecting actual not to be null"));
  }

  @Test
  void aPassingExitsWithinChecksTheResultSoftly(Processes processes) {
    SpawnedProcess process = processes.start("sh", "-c", "echo fin; exit 2");

    softly
        .assertThat(process)
        .exitsWithin(Duration.ofSeconds(20))
        .hasExitCode(0)
        .stdout()
        .contains("fin");

    assertThat(softly.errorsCollected())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .hasMessageContaining("to have exit code 0, but it exited with exit code 2"));
  }

  @Test
  void descriptionsAreKept(Processes processes) {
    ProcessResult result = processes.run("false");

    softly.assertThat(result).as("cleanup").succeeded();

    assertThat(softly.errorsCollected())
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageStartingWith("[cleanup] \nExpecting process"));
  }

  @Test
  void aNullActualIsCollected() {
    softly.assertThat((ProcessResult) null).succeeded();
    softly.assertThat((SpawnedProcess) null).stdout().containsLine("x");

    assertThat(softly.errorsCollected()).hasSize(3);
    assertThatThrownBy(softly::assertAll).isInstanceOf(AssertionError.class);
  }
}
