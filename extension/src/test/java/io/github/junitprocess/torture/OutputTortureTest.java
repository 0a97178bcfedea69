package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessFailedException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.torture.fixtures.ForkedLauncher;
import io.github.junitprocess.torture.fixtures.OutputFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Output that strains the capture: a closed stdout, a pipe held by a descendant, binary and invalid
 * UTF-8, a stderr nobody reads, stdin and stdout full at once, and 1 GiB with a 64 MiB heap. Never
 * a hang, never a lost byte that was promised.
 */
@ExtendWith({NothingLeftBehind.class, ProcessExtension.class})
class OutputTortureTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int MIB = 1 << 20;

  @Test
  void awaitLineReturnsTheWholeLine(Processes processes) {
    SpawnedProcess p =
        processes.start("sh", "-c", "echo 'server ready on port 8080'; exec sleep 300");

    assertThat(p.stdout().awaitLine("ready", WAIT)).isEqualTo("server ready on port 8080");
    assertThat(p.stdout().awaitMatch("port (\\d+)", WAIT).group(1)).isEqualTo("8080");
  }

  @Test
  void theLogFileOfAnEndedStreamIsTheOneWithTheOutput(Processes processes) throws Exception {
    SpawnedProcess p = processes.start("sh", "-c", "echo out; echo err >&2");
    p.waitFor(WAIT);

    Path out = p.stdout().logFile();
    assertThat(out).hasContent("out").isEqualTo(p.stdout().logFile());
    assertThat(p.stderr().logFile()).hasContent("err");
    try (var files = Files.list(out.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no second, empty log file")
          .filteredOn(name -> name.startsWith(out.getFileName().toString().replace(".log", "")))
          .containsExactly(out.getFileName().toString());
    }
  }

  @Test
  void aProcessThatClosesStdoutButKeepsRunning(Processes processes) {
    SpawnedProcess p =
        processes.start("sh", "-c", "echo bye; echo gone >&2; exec >&- 2>&-; exec sleep 300");
    List<ProcessTable.Seen> tree = ProcessTable.tree(p.pid());
    p.stdout().awaitLine("^bye$", WAIT);
    p.stderr().awaitLine("^gone$", WAIT);

    assertThatThrownBy(() -> p.stdout().awaitLine("never", Duration.ofMillis(300)))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("status: still running");
    assertThatThrownBy(() -> p.waitFor(Duration.ofMillis(300)))
        .isInstanceOf(ProcessTimeoutException.class);
    assertThat(p.isAlive()).isTrue();

    ProcessResult result = p.kill();

    assertThat(result.signal()).contains(Signal.KILL);
    assertThat(result.stdout()).isEqualTo("bye\n");
    assertThat(result.stderr()).isEqualTo("gone\n");
    ProcessTable.assertGoneWithin(tree, Duration.ZERO);
  }

  /**
   * The engine leaves closing a process's pipes to the JDK, which closes them once the process has
   * exited: stopped, killed, finished or with its stdout closed early, none may keep a pipe of this
   * JVM open. The JDK closes them on its reaper thread just after the exit, so the count is
   * awaited.
   */
  @Test
  void noPipeOfThisJvmStaysOpenAfterItsProcessHasGone(Processes processes) {
    long before = ProcessTable.pipesOfThisJvm();
    for (int i = 0; i < 10; i++) {
      SpawnedProcess stopped =
          processes.start(ProcessSpec.of("sh", "-c", "echo up; exec sleep 300").readyLine("up"));
      SpawnedProcess silent =
          processes.start("sh", "-c", "echo bye; exec >&- 2>&-; exec sleep 300");
      silent.stdout().awaitLine("^bye$", WAIT);
      SpawnedProcess killed = processes.start("sh", "-c", "echo x; exec cat");
      killed.stdout().awaitLine("^x$", WAIT);
      killed.writeLine("still open");
      killed.stdout().awaitLine("^still open$", WAIT);
      assertThat(ProcessTable.pipesOfThisJvm()).as("pipes while they run").isGreaterThan(before);

      assertThat(stopped.stop().signal()).contains(Signal.TERM);
      assertThat(silent.stop().signal()).contains(Signal.TERM);
      assertThat(killed.kill().stdout()).isEqualTo("x\nstill open\n");
      assertThat(processes.run("sh", "-c", "echo done").stdout()).isEqualTo("done\n");
    }
    ProcessTable.awaitPipesOfThisJvmAtMost(before, WAIT);
  }

  @Test
  void aRunIsCompleteWhenItsProcessExitsEvenIfADescendantHoldsThePipe() {
    OutputFixtures.STARTED.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(OutputFixtures.PipeHeldByADescendant.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertThat(OutputFixtures.STARTED.size()).isEqualTo(1);
    ProcessTable.assertGoneWithin(OutputFixtures.STARTED.all(), Duration.ZERO);
  }

  @Test
  void binaryAndInvalidUtf8AreKeptExactlyAndDecodedWithReplacements(Processes processes) {
    String script =
        "import sys; sys.stdout.buffer.write(bytes(range(256)) * 4"
            + " + b'\\xff\\xfe \\xc3( \\xed\\xa0\\x80 \\xf0\\x9f\\x98 end\\n')";
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 4; i++) {
      for (int b = 0; b < 256; b++) {
        expected.write(b);
      }
    }
    expected.writeBytes(
        new byte[] {
          (byte) 0xff,
          (byte) 0xfe,
          ' ',
          (byte) 0xc3,
          '(',
          ' ',
          (byte) 0xed,
          (byte) 0xa0,
          (byte) 0x80,
          ' ',
          (byte) 0xf0,
          (byte) 0x9f,
          (byte) 0x98,
          ' ',
          'e',
          'n',
          'd',
          '\n'
        });

    SpawnedProcess p = processes.start("python3", "-c", script);
    ProcessResult result = p.waitFor(WAIT);

    assertThat(result.exitCode()).isZero();
    assertThat(p.stdout().bytes()).isEqualTo(expected.toByteArray());
    assertThat(p.stdout().size()).isEqualTo(expected.size());
    assertThat(p.stdout().truncated()).isFalse();
    String decoded = new String(expected.toByteArray(), StandardCharsets.UTF_8);
    assertThat(p.stdout().text()).isEqualTo(decoded).contains("\uFFFD").endsWith(" end\n");
    assertThat(result.stdout()).isEqualTo(decoded);
  }

  @Test
  void aProcessWritingOnlyToStderrNeverBlocks(Processes processes) {
    SpawnedProcess p =
        processes.start("sh", "-c", "head -c " + 16 * MIB + " /dev/zero >&2; echo done");

    ProcessResult result = p.waitFor(WAIT);

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("done\n");
    assertThat(p.stderr().size()).isEqualTo(16L * MIB);
    assertThat(p.stderr().truncated()).isTrue();
    assertThat(p.stdout().truncated()).isFalse();
  }

  @Test
  void stdinAndStdoutFullAtOnce(Processes processes) {
    byte[] data = new byte[16 * MIB];
    new Random(42).nextBytes(data);
    SpawnedProcess cat = processes.start("cat");

    cat.write(data);
    cat.closeStdin();

    assertThat(cat.waitFor(WAIT).exitCode()).isZero();
    assertThat(cat.stdout().size()).isEqualTo(data.length);
    assertThat(cat.stdout().truncated()).isTrue();
    byte[] kept = cat.stdout().bytes();
    int half = kept.length / 2;
    assertThat(Arrays.copyOfRange(kept, 0, half)).isEqualTo(Arrays.copyOfRange(data, 0, half));
    assertThat(Arrays.copyOfRange(kept, half, kept.length))
        .isEqualTo(Arrays.copyOfRange(data, data.length - (kept.length - half), data.length));
  }

  @Test
  void theFailureReportOfAProcessWithAHugeLineStaysSmall() {
    Throwable failure =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(OutputFixtures.FailsWithAHugeLineInScope.class))
            .execute()
            .testEvents()
            .failed()
            .stream()
            .findFirst()
            .orElseThrow()
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();

    assertThat(failure)
        .isInstanceOf(ProcessFailedException.class)
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("| yyyyyyyyyy")
        .hasMessageContaining("[... 7999000 more characters]")
        .hasMessageContaining("| last");
    assertThat(failure.getMessage()).hasSizeLessThan(64 * 1024);
    assertThat(failure.getSuppressed()).hasSize(2);
    for (Throwable report : failure.getSuppressed()) {
      assertThat(report.getMessage()).hasSizeLessThan(64 * 1024);
    }
  }

  @Test
  void oneGibibyteWithA64MibHeap(Processes processes, @TempDir Path logs) {
    long t0 = System.nanoTime();
    ProcessResult jvm =
        processes.run(
            ProcessSpec.java(
                    ForkedLauncher.class,
                    OutputFixtures.OneGibibyte.class.getName(),
                    "junit.process.log.dir=" + logs)
                .jvmArgs("-Xmx64m")
                .startupTimeout(Duration.ofMinutes(3)));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(jvm.exitCode()).as(jvm.stderr()).isZero();
    assertThat(jvm.stdout()).contains("SUMMARY succeeded=1 failed=0");
    System.out.println(
        "[torture] 1 GiB captured by a child JVM with -Xmx64m in "
            + took.toMillis()
            + " ms ("
            + jvm.stdoutLines().stream().filter(l -> l.startsWith("HEAP")).findFirst().orElse("")
            + ")");
  }
}
