package io.github.junitprocess.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessIOException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ProcessExtension.class)
class StdinTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void writesAndClosesStdin(Processes processes) {
    SpawnedProcess cat = processes.start("cat");

    cat.write("abc").writeLine("def").write(new byte[] {'g', '\n'});
    assertThat(cat.stdout().awaitLine("g", WAIT)).isEqualTo("g");
    cat.closeStdin();
    cat.closeStdin();

    ProcessResult r = cat.waitFor(WAIT);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("abcdef\ng\n");
    assertThat(r.stoppedByExtension()).isFalse();
  }

  @Test
  void stdinFromAFile(Processes processes, @TempDir Path dir) throws Exception {
    Path input = Files.writeString(dir.resolve("input.txt"), "from a file\n");

    ProcessResult r = processes.run(ProcessSpec.of("cat").stdin(input));

    assertThat(r.stdout()).isEqualTo("from a file\n");
  }

  @Test
  void writingToAStdinRedirectedFromAFileFails(Processes processes, @TempDir Path dir)
      throws Exception {
    Path input = Files.writeString(dir.resolve("input.txt"), "x\n");
    SpawnedProcess p =
        processes.start(ProcessSpec.of("sh", "-c", "cat; exec sleep 100").stdin(input));

    assertThatThrownBy(() -> p.writeLine("more"))
        .isInstanceOf(ProcessIOException.class)
        .hasMessageContaining("stdin is redirected from " + input);
  }

  @Test
  void inputIsWrittenThenStdinClosed(Processes processes) {
    ProcessResult r = processes.run(ProcessSpec.of("sort").input("b\nc\na\n"));

    assertThat(r.stdoutLines()).containsExactly("a", "b", "c");
  }

  @Test
  void largeInputDoesNotDeadlockWithOutput(Processes processes) {
    String line = "0123456789".repeat(10) + "\n";
    ProcessResult r = processes.run(ProcessSpec.of("cat").input(line.repeat(20_000)));

    assertThat(r.stdoutLines()).hasSize(20_000);
  }

  @Test
  void runClosesStdinSoAReaderSeesEndOfFile(Processes processes) {
    ProcessResult r = processes.run("cat");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void writingToAnExitedProcessFails(Processes processes) {
    SpawnedProcess p = processes.start("true");
    p.waitFor(WAIT);

    assertThatThrownBy(() -> p.writeLine("hello"))
        .isInstanceOf(ProcessIOException.class)
        .hasMessageContaining("Cannot write to the stdin of process 'true' (pid " + p.pid() + ")")
        .hasMessageContaining("the process exited with exit code 0")
        .hasMessageContaining("command: true");
  }

  @Test
  void writingToAStoppedProcessSaysItWasStopped(Processes processes) {
    SpawnedProcess p = processes.start("cat");
    p.stop();

    assertThatThrownBy(() -> p.writeLine("hello"))
        .isInstanceOf(ProcessIOException.class)
        .hasMessageContaining("the process was killed by signal TERM")
        .hasMessageContaining("stopped by the extension")
        .hasMessageContaining("command: cat");
  }

  @Test
  void writingAfterCloseStdinFails(Processes processes) {
    SpawnedProcess p = processes.start("cat");
    p.closeStdin();

    assertThatThrownBy(() -> p.write("x"))
        .isInstanceOf(ProcessIOException.class)
        .hasMessageContaining("stdin was closed");
  }
}
