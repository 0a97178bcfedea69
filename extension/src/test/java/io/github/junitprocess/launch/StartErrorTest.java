package io.github.junitprocess.launch;

import static io.github.junitprocess.TestKit.singleFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.StartErrorFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ProcessExtension.class)
class StartErrorTest {

  @Test
  void missingCommandNamesItAndThePath(Processes processes) {
    assertThatThrownBy(() -> processes.start("junit-process-no-such-command", "arg"))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("'junit-process-no-such-command' not found on PATH")
        .hasMessageContaining("/usr/bin")
        .hasMessageContaining("command: junit-process-no-such-command arg")
        .hasMessageContaining("working dir: " + Path.of("").toAbsolutePath());
  }

  @Test
  void notExecutableSaysSo(Processes processes, @TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("script.sh"), "#!/bin/sh\necho hi\n");

    assertThatThrownBy(() -> processes.run(script.toString()))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("is not executable")
        .hasMessageContaining(script.toString());
  }

  @Test
  void aScriptWhoseInterpreterIsMissingSaysWhich(Processes processes, @TempDir Path dir)
      throws Exception {
    Path script = Files.writeString(dir.resolve("bad.sh"), "#!/nonexistent/interp -e\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    for (ThrowingCallable start :
        new ThrowingCallable[] {
          () -> processes.run(script.toString()), () -> processes.start(script.toString())
        }) {
      assertThatThrownBy(start)
          .isInstanceOf(ProcessStartException.class)
          .hasMessageContaining(script.toString())
          .hasMessageContaining(
              "its #! line names the interpreter '/nonexistent/interp', which does not exist");
    }
  }

  @Test
  void directoryAsCommandSaysSo(Processes processes, @TempDir Path dir) {
    assertThatThrownBy(() -> processes.run(dir.toString()))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void missingWorkingDirectory(Processes processes) {
    ProcessSpec spec = ProcessSpec.of("ls").workingDir(Path.of("/nonexistent/junit-process-cwd"));

    assertThatThrownBy(() -> processes.run(spec))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("the working directory does not exist")
        .hasMessageContaining("/nonexistent/junit-process-cwd");
  }

  @Test
  void missingWorkingDirectoryOfALongRunningProcess(Processes processes, @TempDir Path dir) {
    Path file = dir.resolve("not-a-dir");
    assertThatThrownBy(() -> processes.start(ProcessSpec.of("sleep", "5").workingDir(file)))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("the working directory does not exist")
        .hasMessageContaining(file.toString());
  }

  @Test
  void fileAsWorkingDirectory(Processes processes, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");

    assertThatThrownBy(() -> processes.run(ProcessSpec.of("ls").workingDir(file)))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("the working directory is not a directory")
        .hasMessageContaining(file.toString());
  }

  @Test
  void missingCommandRunToCompletion(Processes processes) {
    assertThatThrownBy(() -> processes.run("junit-process-no-such-command"))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("'junit-process-no-such-command' not found on PATH");
  }

  @Test
  void missingStdinFileOfARun(Processes processes, @TempDir Path dir) {
    Path input = dir.resolve("missing.txt");

    assertThatThrownBy(() -> processes.run(ProcessSpec.of("cat").stdin(input)))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("the stdin file " + input + " does not exist");
  }

  @Test
  void programThatVanishedAfterAnEarlierRunIsReportedMissing(Processes processes, @TempDir Path dir)
      throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path tool = Files.writeString(bin.resolve("junit-process-tool"), "#!/bin/sh\necho tool\n");
    assertThat(tool.toFile().setExecutable(true)).isTrue();
    ProcessSpec spec = ProcessSpec.of("junit-process-tool").env("PATH", bin + ":/usr/bin:/bin");
    assertThat(processes.run(spec).stdout()).isEqualTo("tool\n"); // now remembered

    Files.delete(tool);

    assertThatThrownBy(() -> processes.run(spec))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("'junit-process-tool' not found on PATH (" + bin);
  }

  @Test
  void annotatedFieldFailsTheTestWithTheStartException() {
    Throwable failure = singleFailure(TestKit.run(StartErrorFixtures.MissingCommandField.class));

    assertThat(failure)
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("Cannot start process 'process'")
        .hasMessageContaining("'junit-process-no-such-command' not found on PATH");
  }

  @Test
  void annotatedParameterFailsTheTestWithTheStartException() {
    Throwable failure =
        singleFailure(TestKit.run(StartErrorFixtures.MissingWorkingDirParameter.class));

    assertThat(failure)
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("Cannot start process 'result'")
        .hasMessageContaining("/nonexistent/junit-process-dir");
  }

  @Test
  void missingStdinFile() {
    Throwable failure = singleFailure(TestKit.run(StartErrorFixtures.MissingStdinFile.class));

    assertThat(failure)
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("stdin file /nonexistent/junit-process-input.txt does not exist");
  }

  @Test
  void emptySpecIsRejected() {
    assertThatThrownBy(() -> ProcessSpec.of()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessSpec.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessSpec.of("ls", null)).isInstanceOf(NullPointerException.class);
  }
}
