package io.github.junitprocess.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.CaptureFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessExtension.class)
class OutputCaptureTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void capturesStdoutAndStderrSeparatelyWithLogFiles(Processes processes) throws Exception {
    ProcessResult r = processes.run("sh", "-c", "echo one; echo two >&2; printf 'three'");

    assertThat(r.stdout()).isEqualTo("one\nthree");
    assertThat(r.stdoutLines()).containsExactly("one", "three");
    assertThat(r.stderr()).isEqualTo("two\n");
    assertThat(r.stderrLines()).containsExactly("two");
  }

  @Test
  void concurrentTestsWithSameNamedWritersEachReadOnlyTheirOwnOutput() {
    CaptureFixtures.LOGS.clear();
    String[] config =
        java.util.Arrays.copyOf(TestKit.CONCURRENTLY, TestKit.CONCURRENTLY.length + 2);
    config[config.length - 2] = "junit.process.capture.limit"; // most of each output: file only
    config[config.length - 1] = "64KiB";

    var results = TestKit.run(CaptureFixtures.ConcurrentLargeOutputs.class, config);

    assertThat(TestKit.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.succeeded(6).failed(0));
    assertThat(CaptureFixtures.LOGS).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void aChildStillWritingWhenItsParentExitsIsReadToTheEnd(Processes processes) {
    // once told, the parent starts a child that writes as fast as it can, and exits at once: the
    // pipe must stay open while the pump reads (the JDK's exit hook would drain and close it
    // between two reads, and the child would die of SIGPIPE with most of its output unread)
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "echo ready; read x; (yes line | head -n 200000; echo child-done) & exit 0")
                .readyLine("^ready$"));

    p.writeLine("go");
    String last = p.stdout().awaitLine("^child-done$", WAIT);

    assertThat(last).isEqualTo("child-done");
    assertThat(p.stdout().size())
        .isEqualTo("ready\n".length() + 200_000L * "line\n".length() + "child-done\n".length());
  }

  @Test
  void logFilesHoldTheCompleteStream(Processes processes) throws Exception {
    SpawnedProcess p = processes.start("sh", "-c", "echo to-log; echo err-log >&2");
    p.waitFor(WAIT);

    assertThat(p.stdout().logFile()).hasFileName(p.name() + "-" + p.pid() + ".stdout.log");
    assertThat(Files.readString(p.stdout().logFile())).isEqualTo("to-log\n");
    assertThat(Files.readString(p.stderr().logFile())).isEqualTo("err-log\n");
    assertThat(p.stdout().logFile().toString())
        .contains("target/junit-process/" + getClass().getName());
  }

  @Test
  void mergedStderrGoesToStdout(Processes processes) {
    ProcessResult r =
        processes.run(ProcessSpec.of("sh", "-c", "echo a; echo b >&2; echo c").mergeStderr(true));

    assertThat(r.stdoutLines()).containsExactly("a", "b", "c");
    assertThat(r.stderr()).isEmpty();
  }

  @Test
  void crlfAndMissingFinalNewline(Processes processes) {
    SpawnedProcess p = processes.start("printf", "a\\r\\nb\\nlast");
    p.waitFor(WAIT);

    assertThat(p.stdout().lines()).containsExactly("a", "b", "last");
    assertThat(p.stdout().awaitLine("^last$", WAIT)).isEqualTo("last");
  }

  @Test
  void invalidUtf8IsReplacedInTextButExactInBytes(Processes processes) {
    SpawnedProcess p = processes.start("printf", "ok\\377\\376end");
    p.waitFor(WAIT);

    assertThat(p.stdout().bytes())
        .containsExactly('o', 'k', (byte) 0xff, (byte) 0xfe, 'e', 'n', 'd');
    assertThat(p.stdout().text()).isEqualTo("ok\uFFFD\uFFFDend");
    assertThat(p.stdout().size()).isEqualTo(7);
  }

  @Test
  void memoryKeepsHeadAndTailBeyondTheLimitAndTheLogKeepsAll() throws Exception {
    var results = TestKit.run(CaptureLimitFixture.class, "junit.process.capture.limit", "1KiB");
    TestKit.assertAllPassed(results, 1);

    Output out = CaptureLimitFixture.captured;
    assertThat(out.size()).isEqualTo(100_000 * 7L);
    assertThat(out.truncated()).isTrue();
    assertThat(out.bytes()).hasSize(1024);
    assertThat(out.lines().get(0)).isEqualTo("000000");
    assertThat(out.lines()).last().isEqualTo("099999");
    assertThat(out.text()).contains("bytes not kept in memory");
    assertThat(Files.size(out.logFile())).isEqualTo(100_000 * 7L);
  }

  /** Writes 100 000 numbered lines; run with a 1 KiB capture limit. */
  @ExtendWith(ProcessExtension.class)
  public static class CaptureLimitFixture {
    static Output captured;

    @Test
    void test(Processes processes) {
      SpawnedProcess p =
          processes.start(
              "python3",
              "-c",
              "import sys\nfor i in range(100000): sys.stdout.write('%06d\\n' % i)");
      p.waitFor(Duration.ofSeconds(30));
      captured = p.stdout();
    }
  }

  @Test
  void logFilesCanBeTurnedOff() {
    var results = TestKit.run(CaptureLimitFixture.class, "junit.process.log.enabled", "false");
    TestKit.assertAllPassed(results, 1);

    Output out = CaptureLimitFixture.captured;
    assertThat(out.size()).isEqualTo(100_000 * 7L);
    assertThat(out.lines()).hasSize(100_000);
    assertThatThrownBy(out::logFile)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("junit.process.log.enabled=false");
  }

  @Test
  void awaitLineSeesPastAndFutureLines(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "echo early; read x; echo late $x; exec sleep 100"));

    assertThat(p.stdout().awaitLine("early", WAIT)).isEqualTo("early");
    assertThat(p.stdout().awaitLine("early", WAIT)).as("already written").isEqualTo("early");
    p.writeLine("go");
    assertThat(p.stdout().awaitLine("late", WAIT)).isEqualTo("late go");
    MatchResult m = p.stdout().awaitMatch("late (\\w+)", WAIT);
    assertThat(m.group(1)).isEqualTo("go");
    assertThat(p.stdout().awaitLine(line -> line.endsWith("go"), WAIT)).isEqualTo("late go");
  }

  @Test
  void awaitLineFailsAtOnceWhenTheProcessExits(Processes processes) {
    SpawnedProcess p = processes.start("sh", "-c", "echo partial output; exit 7");

    assertThatThrownBy(() -> p.stdout().awaitLine("never", Duration.ofMinutes(5)))
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("exited while waiting for a line matching /never/ on stdout")
        .hasMessageContaining("exit code 7")
        .hasMessageContaining("command: sh -c 'echo partial output; exit 7'")
        .hasMessageContaining("| partial output");
  }

  @Test
  void awaitLineTimesOutWithTheTail(Processes processes) {
    SpawnedProcess p = processes.start("sh", "-c", "echo still starting; exec sleep 100");
    p.stdout().awaitLine("still", WAIT);

    assertThatThrownBy(() -> p.stdout().awaitLine("ready", Duration.ofMillis(200)))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 200ms waiting for a line matching /ready/ on stdout")
        .hasMessageContaining("status: still running")
        .hasMessageContaining("| still starting");
    assertThat(p.isAlive()).as("a timed-out await leaves the process running").isTrue();
  }

  @Test
  void lineListenersSeeEveryLineInOrder(Processes processes) {
    List<String> out = new CopyOnWriteArrayList<>();
    List<String> err = new CopyOnWriteArrayList<>();
    processes.run(
        ProcessSpec.of("sh", "-c", "for i in 1 2 3; do echo o$i; echo e$i >&2; done")
            .onStdoutLine(out::add)
            .onStderrLine(err::add));

    assertThat(out).containsExactly("o1", "o2", "o3");
    assertThat(err).containsExactly("e1", "e2", "e3");
  }

  @Test
  void aVeryLongLineIsBoundedForWaitersButKeptInFull(Processes processes) {
    SpawnedProcess p =
        processes.start(
            "python3", "-c", "import sys; sys.stdout.write('x' * 3000000 + '\\nafter\\n')");

    assertThat(p.stdout().awaitLine("after", WAIT)).isEqualTo("after");
    p.waitFor(WAIT);
    assertThat(p.stdout().size()).isEqualTo(3_000_007L);
  }

  @Test
  void aChildWritingFastToBothStreamsIsNeverBlocked(Processes processes) {
    SpawnedProcess p =
        processes.start(
            "sh", "-c", "head -c 50000000 /dev/zero; head -c 5000000 /dev/zero >&2; echo done >&2");

    assertThat(p.waitFor(Duration.ofSeconds(60)).succeeded()).isTrue();
    assertThat(p.stdout().size()).isEqualTo(50_000_000L);
    assertThat(p.stdout().truncated()).isTrue();
    assertThat(p.stdout().bytes()).hasSize(8 * 1024 * 1024);
    assertThat(p.stderr().size()).isEqualTo(5_000_005L);
    assertThat(p.stderr().truncated()).isFalse();
  }

  @Test
  void textOfUtf8Output(Processes processes) {
    ProcessResult r = processes.run("printf", "gr\\303\\274\\303\\237e \\342\\234\\223");

    assertThat(r.stdout()).isEqualTo("grüße ✓");
    assertThat(r.stdout().getBytes(StandardCharsets.UTF_8)).hasSize(11);
  }
}
