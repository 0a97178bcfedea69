package io.github.junitprocess.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessFailedException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ProcessExtension.class)
class ProcessResultTest {

  @SpawnProcess(
      value = {"sh", "-c", "echo $GREETING from $(pwd)"},
      env = "GREETING=hi",
      workingDir = "/tmp")
  ProcessResult withEnvAndDir;

  @SpawnProcess(
      value = {"sh", "-c", "pwd; touch made-here"},
      workingDir = "${tempDir}")
  ProcessResult inTempDir;

  @Test
  void envAndWorkingDir() {
    assertThat(withEnvAndDir.stdout()).isEqualTo("hi from /tmp\n");
    assertThat(withEnvAndDir.name()).isEqualTo("withEnvAndDir");
    assertThat(withEnvAndDir.command()).containsExactly("sh", "-c", "echo $GREETING from $(pwd)");
    assertThat(withEnvAndDir.duration()).isPositive();
    assertThat(withEnvAndDir.pid()).isPositive();
  }

  @Test
  void tempDirIsFreshPerProcess() {
    Path dir = Path.of(inTempDir.stdout().strip());
    assertThat(dir.getFileName().toString()).startsWith("junit-process-");
    assertThat(dir.resolve("made-here")).exists();
  }

  @Test
  void orThrowAcceptsAllowedCodesAndOtherwiseShowsTheResult(Processes processes) {
    ProcessResult ok = processes.run("true");
    assertThat(ok.orThrow()).isSameAs(ok);

    ProcessResult failed =
        processes.run("sh", "-c", "echo some output; echo some error >&2; exit 2");
    assertThat(failed.orThrow(0, 2)).isSameAs(failed);
    assertThatThrownBy(failed::orThrow)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageContaining("Process 'sh' failed: it exited with exit code 2")
        .hasMessageContaining("command: sh -c 'echo some output; echo some error >&2; exit 2'")
        .hasMessageContaining("| some output")
        .hasMessageContaining("| some error")
        .satisfies(e -> assertThat(((ProcessFailedException) e).result()).isSameAs(failed));
  }

  @Test
  void signalDeathsReadAs128PlusN(Processes processes) {
    ProcessResult r = processes.run("sh", "-c", "kill -USR1 $$");

    assertThat(r.exitCode()).isEqualTo(138);
    assertThat(r.signal()).contains(Signal.USR1);
    assertThat(r.stoppedByExtension()).isFalse();
  }

  @Test
  void inheritEnvFalseGivesOnlyTheGivenVariables(Processes processes) {
    ProcessResult r =
        processes.run(ProcessSpec.of("/usr/bin/env").inheritEnv(false).env("ONLY", "this"));

    assertThat(r.stdoutLines()).contains("ONLY=this").noneMatch(l -> l.startsWith("PATH="));
  }

  @Test
  void removeEnvAndEmptyValues(Processes processes) {
    ProcessResult r =
        processes.run(
            ProcessSpec.of("sh", "-c", "echo home=${HOME-unset} empty=[$EMPTY]")
                .removeEnv("HOME")
                .env("EMPTY", ""));

    assertThat(r.stdout()).isEqualTo("home=unset empty=[]\n");
  }

  @Test
  void runToCompletionIsBoundedByTheStartupTimeout(Processes processes) {
    ProcessSpec spec =
        ProcessSpec.of("sh", "-c", "echo begun; exec sleep 100")
            .startupTimeout(Duration.ofMillis(300));

    assertThatThrownBy(() -> processes.run(spec))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 300ms waiting for process 'sh' to finish")
        .hasMessageContaining("| begun");
  }

  @Test
  void relativeWorkingDirAndStdinResolveAgainstTheJvmDirectory(
      Processes processes, @TempDir Path dir) throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Path rel = here.relativize(Files.createDirectories(dir.resolve("sub")));

    ProcessResult r = processes.run(ProcessSpec.of("pwd").workingDir(rel));

    assertThat(r.stdout().strip()).isEqualTo(dir.resolve("sub").toRealPath().toString());
  }
}
