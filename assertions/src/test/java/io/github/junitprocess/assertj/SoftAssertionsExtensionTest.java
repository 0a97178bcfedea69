package io.github.junitprocess.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.Processes;
import io.github.junitprocess.assertj.fixtures.SoftlyInjectedFixture;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@ExtendWith({SoftAssertionsExtension.class, ProcessExtension.class})
class SoftAssertionsExtensionTest {
  @InjectSoftAssertions ProcessSoftAssertions softly;

  @Test
  void injectsProcessSoftAssertionsIntoAField(Processes processes) {
    softly.assertThat(processes.run("sh", "-c", "echo ok")).succeeded().hasStdoutEqualTo("ok\n");

    assertThat(softly.errorsCollected()).isEmpty();
  }

  @Test
  void injectsProcessSoftAssertionsIntoAParameter(
      ProcessSoftAssertions parameter, Processes processes) {
    parameter.assertThat(processes.run("true")).succeeded().hasEmptyStdout();

    assertThat(parameter.errorsCollected()).isEmpty();
  }

  @Test
  void reportsAllFailuresOfAnInjectedField() {
    Throwable failure = onlyFailure(SoftlyInjectedFixture.FieldInjection.class);

    assertThat(failure).isInstanceOf(AssertJMultipleFailuresError.class);
    assertThat(((AssertJMultipleFailuresError) failure).getFailures())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .contains("to succeed (exit code 0), but it exited with exit code 3.")
                    .contains("command: sh -c 'echo from-field; exit 3'")
                    .contains("    | from-field"),
            m -> assertThat(m).contains("to contain \"missing\", but it does not."));
  }

  @Test
  void reportsAllFailuresOfAnInjectedParameter() {
    Throwable failure = onlyFailure(SoftlyInjectedFixture.ParameterInjection.class);

    assertThat(failure).isInstanceOf(AssertJMultipleFailuresError.class);
    assertThat(((AssertJMultipleFailuresError) failure).getFailures())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m -> assertThat(m).contains("to have exit code 0, but it exited with exit code 4."),
            m ->
                assertThat(m)
                    .contains("[stderr of process 'sh'")
                    .contains("Expecting empty but was: [\"from-parameter\"]"));
  }

  private static Throwable onlyFailure(Class<?> fixture) {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .execute()
            .testEvents();
    tests.assertStatistics(stats -> stats.started(1).failed(1));
    return tests.failed().stream()
        .findFirst()
        .flatMap(event -> event.getPayload(TestExecutionResult.class))
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }
}
