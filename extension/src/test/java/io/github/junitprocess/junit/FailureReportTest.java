package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.FailureReportFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

class FailureReportTest {

  @Test
  void aFailedTestCarriesTheTailOfEveryProcessInScope() {
    EngineExecutionResults results = TestKit.run(FailureReportFixtures.FailingTest.class);
    Throwable failure = TestKit.singleFailure(results);

    assertThat(failure)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("the assertion of the test");
    List<String> reports = suppressedMessages(failure);
    assertThat(reports).hasSize(2);
    assertThat(reports)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("Output of process 'client'")
                    .contains("status: still running")
                    .contains("| client line"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("Output of process 'server'")
                    .contains("stdout (last 1 lines):\n    | server says hello")
                    .contains("stderr (last 1 lines):\n    | server warns")
                    .contains(".stdout.log"));
  }

  @Test
  void poolWorkersAndRunningTasksAreReportedToo() {
    Throwable failure =
        TestKit.singleFailure(TestKit.run(FailureReportFixtures.FailingWithPools.class));

    assertThat(failure).hasMessage("the assertion of the test");
    List<String> reports = suppressedMessages(failure);
    assertThat(reports).hasSize(3);
    assertThat(reports.subList(0, 2))
        .allSatisfy(
            m ->
                assertThat(m)
                    .containsPattern("Output of process 'warm-\\d'")
                    .contains("status: still running")
                    .containsPattern("\\| worker \\d+ ready"));
    assertThat(reports.get(2))
        .contains("Output of process 'long-task'")
        .contains("status: still running")
        .contains("| task is running");
  }

  @Test
  void theLogFilesArePublishedToTheReport(@TempDir Path reports) {
    EngineExecutionResults results =
        TestKit.runWithOutputs(FailureReportFixtures.FailingTest.class, reports);

    List<String> published =
        results.allEvents().stream()
            .filter(
                e ->
                    e.getType() == org.junit.platform.testkit.engine.EventType.FILE_ENTRY_PUBLISHED)
            .map(
                e ->
                    e.getPayload(org.junit.platform.engine.reporting.FileEntry.class).orElseThrow())
            .map(f -> f.getPath().getFileName().toString())
            .collect(Collectors.toList());
    assertThat(published).anyMatch(n -> n.startsWith("client-") && n.endsWith(".stdout.log"));
    assertThat(published).anyMatch(n -> n.startsWith("server-") && n.endsWith(".stderr.log"));
  }

  private static List<String> suppressedMessages(Throwable failure) {
    return Arrays.stream(failure.getSuppressed())
        .map(Throwable::getMessage)
        .collect(Collectors.toList());
  }
}
