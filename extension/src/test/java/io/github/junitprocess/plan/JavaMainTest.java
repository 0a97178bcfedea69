package io.github.junitprocess.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.fixtures.EchoReplMain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JavaMainTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @SpawnProcess(
      javaMain = EchoReplMain.class,
      jvmArgs = {"-Xmx48m", "-XX:TieredStopAtLevel=1"},
      args = {"hello", "${port}"},
      env = "MODE=test",
      readyLine = "^READY")
  SpawnedProcess repl;

  @Test
  void aChildJvmDialogue() {
    assertThat(repl.stdout().lines().get(0)).startsWith("READY hello " + repl.port());

    repl.writeLine("ping");
    assertThat(repl.stdout().awaitLine("^echo: ", WAIT)).isEqualTo("echo: ping");
    repl.writeLine("env MODE");
    assertThat(repl.stdout().awaitLine("^MODE=", WAIT)).isEqualTo("MODE=test");
    repl.writeLine("quit");

    ProcessResult r = repl.waitFor(WAIT);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutLines()).endsWith("bye");
  }

  @Test
  void jvmArgsReachTheChild() {
    long maxHeap = Long.parseLong(repl.stdout().awaitMatch("heap=(\\d+)", WAIT).group(1));
    assertThat(maxHeap).isLessThanOrEqualTo(48L * 1024 * 1024);
    assertThat(repl.command()).contains("-Xmx48m", EchoReplMain.class.getName());
  }

  @Test
  void specForAChildJvm(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.java(EchoReplMain.class, "from-spec")
                .jvmArgs("-Xmx32m")
                .readyLine("READY"));
    p.closeStdin();

    ProcessResult r = p.waitFor(WAIT);
    assertThat(r.stdoutLines()).first().asString().startsWith("READY from-spec");
    assertThat(r.stdoutLines()).endsWith("eof");
    assertThat(r.name()).isEqualTo("EchoReplMain");
  }
}
