package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class OutputAssertTest {
  private static final Duration LONG = Duration.ofSeconds(20);

  private static SpawnedProcess finished(Processes processes, String script) {
    SpawnedProcess process = processes.start("sh", "-c", script);
    process.waitFor(LONG);
    return process;
  }

  @Test
  void lineAssertionsPassOnFittingOutput(Processes processes) {
    Output stdout = finished(processes, "echo alpha; echo 'beta 2'; echo gamma").stdout();

    assertThat(stdout)
        .containsLine("beta 2")
        .hasLineMatching("ta \\d")
        .hasLineMatching("^gamma$")
        .hasLineCount(3);
  }

  @Test
  void containsLineComparesWholeLines(Processes processes) {
    SpawnedProcess process = finished(processes, "echo alpha; echo beta");
    Output stdout = process.stdout();

    assertThatThrownBy(() -> assertThat(stdout).containsLine("alp"))
        .hasMessageContaining(
            "Expecting stdout of process 'sh' to contain the line \"alp\", but none does.")
        .hasMessageContaining("process: 'sh' (pid " + process.pid() + ")")
        .hasMessageContaining("command: sh -c 'echo alpha; echo beta'")
        .hasMessageContaining("status: exited with exit code 0")
        .hasMessageContaining("stdout (2 lines):\n    | alpha\n    | beta\n")
        .hasMessageContaining("stderr: (empty)");
  }

  @Test
  void theStderrOfAProcessIsDescribedWithItsProcess(Processes processes) {
    SpawnedProcess process = finished(processes, "echo out; echo err >&2; exit 6");

    assertThatThrownBy(() -> assertThat(process.stderr()).hasLineCount(2))
        .hasMessageContaining("Expecting stderr of process 'sh' to have 2 lines, but it has 1.")
        .hasMessageContaining("status: exited with exit code 6")
        .hasMessageContaining("stdout (1 line):\n    | out")
        .hasMessageContaining("stderr (1 line):\n    | err");
  }

  @Test
  void anOutputOfAnotherMakeIsDescribedByItselfAndItsLogFile(Processes processes) {
    Output stdout = new Delegating(finished(processes, "echo alpha; echo beta").stdout());

    assertThatThrownBy(() -> assertThat(stdout).containsLine("alp"))
        .hasMessageContaining(
            "Expecting output '"
                + stdout.logFile().getFileName()
                + "' to contain the line \"alp\", but none does.")
        .hasMessageContaining("output: 11 bytes, logged to " + stdout.logFile())
        .hasMessageContaining("output (2 lines):\n    | alpha\n    | beta\n");
  }

  @Test
  void hasLineMatchingAndHasLineCountFailWithTheLines(Processes processes) {
    Output stdout = finished(processes, "echo one; echo two").stdout();

    assertThatThrownBy(() -> assertThat(stdout).hasLineMatching("^three"))
        .hasMessageContaining("to have a line matching /^three/, but none does.")
        .hasMessageContaining("    | two");
    assertThatThrownBy(() -> assertThat(stdout).hasLineCount(3))
        .hasMessageContaining("to have 3 lines, but it has 2.")
        .hasMessageContaining("    | one");
  }

  @Test
  void isEmptyCountsBytes(Processes processes) {
    SpawnedProcess process = finished(processes, "printf noise");

    assertThat(process.stderr()).isEmpty().hasLineCount(0);
    assertThatThrownBy(() -> assertThat(process.stdout()).isEmpty())
        .hasMessageContaining("to be empty, but it has 5 bytes.")
        .hasMessageContaining("    | noise");
  }

  @Test
  void wasTruncatedWhenTheOutputOutgrewTheCaptureLimit(Processes processes) {
    // the test resources set junit.process.capture.limit to 64KiB
    SpawnedProcess chatty = finished(processes, "head -c 100000 /dev/zero | tr '\\0' x");

    assertThat(chatty.stdout()).wasTruncated();
    SpawnedProcess quiet = finished(processes, "echo short");
    assertThatThrownBy(() -> assertThat(quiet.stdout()).wasTruncated())
        .hasMessageContaining("to have been truncated in memory, but all its 6 bytes were kept.");
  }

  @Test
  void navigatesToTextAndLines(Processes processes) {
    Output stdout = finished(processes, "echo x; echo y").stdout();

    assertThat(stdout).text().isEqualTo("x\ny\n");
    assertThat(stdout).lines().containsExactly("x", "y");
    assertThatThrownBy(() -> assertThat(stdout).lines().contains("z"))
        .hasMessageContaining("[stdout of process 'sh'")
        .hasMessageContaining("command: sh -c 'echo x; echo y'")
        .hasMessageContaining("    | y");
  }

  @Test
  void withinWaitsForALine(Processes processes) {
    SpawnedProcess process =
        processes.start("sh", "-c", "sleep 0.2; echo 'ready on 7070'; exec sleep 100");

    assertThat(process.stdout()).within(LONG).containsLine("ready on 7070");
    assertThat(process.stdout()).eventually().hasLineMatching("on \\d+");
  }

  @Test
  void withinFailsAtOnceWhenTheProcessExits(Processes processes) {
    SpawnedProcess process = processes.start("sh", "-c", "sleep 0.2; echo partial; exit 1");

    long start = System.nanoTime();
    AssertionError error =
        catchThrowableOfType(
            AssertionError.class,
            () -> assertThat(process.stdout()).within(LONG).containsLine("done"));

    Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(LONG.dividedBy(2));
    Assertions.assertThat(error)
        .hasMessageContaining(
            "to contain the line \"done\" within 20s, but the process exited without writing it.")
        .hasMessageContaining("    | partial");
  }

  @Test
  void withinFailsAtTheDeadline(Processes processes) {
    SpawnedProcess process = processes.start("sleep", "100");

    assertThatThrownBy(
            () -> assertThat(process.stdout()).within(Duration.ofMillis(200)).hasLineMatching("x"))
        .hasMessageContaining("to have a line matching /x/ within 200ms, but it did not.")
        .hasMessageContaining("status: still running")
        .hasMessageContaining("stdout: (empty)");
  }

  /** An {@code Output} that is not the extension's own, as a user's wrapper would be. */
  private static final class Delegating implements Output {
    private final Output d;

    Delegating(Output delegate) {
      this.d = delegate;
    }

    @Override
    public String text() {
      return d.text();
    }

    @Override
    public List<String> lines() {
      return d.lines();
    }

    @Override
    public byte[] bytes() {
      return d.bytes();
    }

    @Override
    public long size() {
      return d.size();
    }

    @Override
    public boolean truncated() {
      return d.truncated();
    }

    @Override
    public Path logFile() {
      return d.logFile();
    }

    @Override
    public String awaitLine(String regex, Duration timeout) {
      return d.awaitLine(regex, timeout);
    }

    @Override
    public MatchResult awaitMatch(String regex, Duration timeout) {
      return d.awaitMatch(regex, timeout);
    }

    @Override
    public String awaitLine(Predicate<String> predicate, Duration timeout) {
      return d.awaitLine(predicate, timeout);
    }
  }
}
