package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class ProcessDescriptionTest {
  private static final String THIRTY_LINES =
      "i=1; while [ $i -le 30 ]; do printf 'line %02d\\n' $i; printf 'err %02d\\n' $i >&2;"
          + " i=$((i+1)); done; exit 1";

  @AfterEach
  void clearSettings() {
    System.clearProperty(AssertionSettings.TAIL_LINES_PROPERTY);
  }

  @Test
  void showsTheLastTwentyLinesOfEachStreamByDefault(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", THIRTY_LINES);

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .hasMessageContaining("stdout (last 20 of 30 lines):\n    | line 11\n")
        .hasMessageContaining("    | line 30\n")
        .hasMessageNotContaining("line 10")
        .hasMessageContaining("stderr (last 20 of 30 lines):\n    | err 11\n")
        .hasMessageContaining("    | err 30\n")
        .hasMessageNotContaining("err 10");
  }

  @Test
  void theNumberOfLinesIsConfigurable(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", THIRTY_LINES);
    System.setProperty(AssertionSettings.TAIL_LINES_PROPERTY, "3");

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .hasMessageContaining(
            "stdout (last 3 of 30 lines):\n    | line 28\n    | line 29\n    | line 30\n")
        .hasMessageContaining("stderr (last 3 of 30 lines):\n    | err 28\n")
        .hasMessageNotContaining("line 27");
  }

  @Test
  void anInvalidNumberOfLinesIsReportedByName(Processes processes) {
    ProcessResult result = processes.run("false");
    System.setProperty(AssertionSettings.TAIL_LINES_PROPERTY, "many");

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "System property junit.process.assertions.tail.lines must be a non-negative number"
                + " of lines, but was 'many'");
  }

  @Test
  void quotesTheCommandLikeAShell(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo it\\'s; exit 9", "");

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .hasMessageContaining("command: sh -c 'echo it\\'\\''s; exit 9' ''\n");
  }

  @Test
  void namesTheProcessByItsSpecName(Processes processes) {
    ProcessResult result = processes.run(ProcessSpec.of("sh", "-c", "exit 1").name("migrations"));

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .hasMessageStartingWith("\nExpecting process 'migrations' to succeed")
        .hasMessageContaining("process: 'migrations' (pid " + result.pid() + ")");
  }

  @Test
  void mergedStderrShowsAsEmpty(Processes processes) {
    ProcessResult result =
        processes.run(ProcessSpec.of("sh", "-c", "echo to-err >&2; exit 1").mergeStderr(true));

    assertThatThrownBy(() -> assertThat(result).succeeded())
        .hasMessageContaining("stdout (1 line):\n    | to-err\n")
        .hasMessageContaining("stderr: (empty)");
  }
}
