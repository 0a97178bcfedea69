package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The examples of the API contract, section 7, run as written against fitting processes. */
@ExtendWith(ProcessExtension.class)
class ApiExamplesTest {

  @Test
  void resultExamples(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo hello; echo x; echo three");
    assertThat(result).succeeded().hasStdoutContaining("hello").hasEmptyStderr();
    assertThat(result).stdout().contains("x");
    assertThat(result).stdoutLines().hasSize(3);
    assertThat(result).finishedWithin(Duration.ofSeconds(10));

    ProcessResult usage = processes.run("sh", "-c", "echo 'usage: tool' >&2; exit 2");
    assertThat(usage).hasExitCode(2).hasStderrMatching("(?s).*usage:.*");

    ProcessResult stopped = processes.start("sleep", "100").stop();
    assertThat(stopped).wasKilledBy(Signal.TERM);
  }

  @Test
  void liveProcessExamples(Processes processes) {
    SpawnedProcess process =
        processes.start(
            "sh", "-c", "echo ready; echo 'listening on 8080'; echo x; read line; exit 0");
    assertThat(process).isAlive().hasNoDescendants();
    assertThat(process).eventually().hasStdoutContaining("ready");
    assertThat(process).within(Duration.ofSeconds(2)).hasStdoutLineMatching("listening on \\d+");
    assertThat(process).staysAliveFor(Duration.ofMillis(500));
    assertThat(process.stdout()).containsLine("x").hasLineCount(3);

    process.writeLine("bye");
    assertThat(process).exitsWithin(Duration.ofSeconds(5)).succeeded();
  }

  @Test
  void softExample(Processes processes) {
    ProcessResult result = processes.run(ProcessSpec.of("sh", "-c", "echo done"));

    var softly = new ProcessSoftAssertions();
    softly.assertThat(result).succeeded().hasStdoutContaining("done");
    softly.assertAll();
  }
}
