package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.StartFailureFixtures;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * A process that fails to start or to become ready, at class or test level: its failure names its
 * log files, which hold its whole output and are published to the report; and it is reported once
 * (its own exception, not wrapped, not repeated as an output report), while the other processes in
 * scope still add their output.
 */
@ExtendWith(NothingLeftBehind.class)
class StartFailureReportTest {
  private static final Pattern LOGS =
      Pattern.compile("\n  logs: (\\S+\\.stdout\\.log), (\\S+\\.stderr\\.log)(?:\n|$)");

  static Stream<Arguments> processesThatAreNeverReady() {
    return Stream.of(
        Arguments.of(
            StartFailureFixtures.ClassProcessExits.class,
            ProcessExitedException.class,
            "exited with exit code 3"),
        Arguments.of(
            StartFailureFixtures.ClassProcessTimesOut.class,
            ProcessTimeoutException.class,
            "still running (pid "),
        Arguments.of(
            StartFailureFixtures.ParameterProcessExits.class,
            ProcessExitedException.class,
            "exited with exit code 3"),
        Arguments.of(
            StartFailureFixtures.ParameterProcessTimesOut.class,
            ProcessTimeoutException.class,
            "still running (pid "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processesThatAreNeverReady")
  void theFailureNamesTheLogFilesWhichHoldEverythingAndArePublished(
      Class<?> fixture, Class<? extends Throwable> type, String status, @TempDir Path reports)
      throws IOException {
    EngineExecutionResults results = TestKit.runWithOutputs(fixture, reports);

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure).isExactlyInstanceOf(type);
    String message = failure.getMessage();
    assertThat(message)
        .contains("\n  status: " + status)
        .contains("stdout (last 20 lines):\n    | line 11\n")
        .doesNotContain("| line 10\n");
    Matcher logs = LOGS.matcher(message);
    assertThat(logs.find()).as("a logs: line in\n%s", message).isTrue();
    Path stdoutLog = Path.of(logs.group(1));
    Path stderrLog = Path.of(logs.group(2));
    String allLines =
        "starting\n"
            + IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining());
    assertThat(Files.readString(stdoutLog)).isEqualTo(allLines);
    assertThat(Files.readString(stderrLog)).isEqualTo("oops\n");

    Map<String, String> published = publishedFiles(results);
    assertThat(published)
        .containsOnlyKeys(stdoutLog.getFileName().toString(), stderrLog.getFileName().toString())
        .containsEntry(stdoutLog.getFileName().toString(), allLines)
        .containsEntry(stderrLog.getFileName().toString(), "oops\n");
  }

  @Test
  void aParameterThatFailsToStartIsReportedOnceAndTheOthersInScopeToo() {
    EngineExecutionResults results =
        TestKit.run(StartFailureFixtures.ParameterFailsBesideOthers.class);

    assertThat(TestKit.failures(results)).hasSize(2);
    assertReportedOnce(TestKit.failureOf(results, "exits"), ProcessExitedException.class);
    assertReportedOnce(TestKit.failureOf(results, "timesOut"), ProcessTimeoutException.class);
  }

  private static void assertReportedOnce(Throwable failure, Class<? extends Throwable> type) {
    assertThat(failure).isExactlyInstanceOf(type).hasMessageContaining("process: 'broken'");
    assertThat(failure.getSuppressed())
        .as("suppressed")
        .noneMatch(ParameterResolutionException.class::isInstance);
    List<String> reports =
        Arrays.stream(failure.getSuppressed())
            .map(Throwable::getMessage)
            .collect(Collectors.toList());
    assertThat(reports)
        .as("output reports")
        .hasSize(2)
        .anyMatch(m -> m.startsWith("Output of process 'bystander' at the time of the failure\n"))
        .anyMatch(
            m -> m.startsWith("Output of process 'classProcess' at the time of the failure\n"))
        .noneMatch(m -> m.contains("'broken'"));

    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString())
        .doesNotContain("CIRCULAR REFERENCE")
        .containsOnlyOnce("only-once-marker");
  }

  /** The files published to the report: file name to content. */
  private static Map<String, String> publishedFiles(EngineExecutionResults results) {
    return results.allEvents().stream()
        .filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
        .map(Event::getPayload)
        .map(p -> (FileEntry) p.orElseThrow())
        .collect(
            Collectors.toMap(
                f -> f.getPath().getFileName().toString(),
                f -> {
                  try {
                    return Files.readString(f.getPath());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
  }
}
