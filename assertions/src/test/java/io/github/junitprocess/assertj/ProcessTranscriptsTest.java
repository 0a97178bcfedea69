package io.github.junitprocess.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.assertj.fixtures.ConcurrentTranscriptFixtures;
import io.github.junitprocess.assertj.fixtures.TranscriptFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Markdown transcripts run as dynamic tests, through the test kit. */
@ResourceLock("TranscriptFixtures")
class ProcessTranscriptsTest {
  private static final String FENCE = "```";

  @TempDir Path dir;

  @Test
  void everyConsoleBlockIsATestAndItsStepsShareOneWorkingDirectory() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path greet = bin.resolve("greet");
    Files.writeString(greet, "#!/bin/sh\necho \"$GREETING, $1\"\n");
    Files.setPosixFilePermissions(greet, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path doc =
        markdown(
            "manual.md",
            "# A manual",
            "",
            "Prose, then a block that writes a file:",
            "",
            FENCE + "console",
            "$ printf 'the cat\\nthe dog\\n' > poem.txt",
            "$ cat poem.txt",
            "the cat",
            "the dog",
            FENCE,
            "",
            "A later block sees the same directory, and exit codes other than 0 are given:",
            "",
            FENCE + "console",
            "$ ls",
            "poem.txt",
            "$ pwd",
            "[CWD]",
            "$ grep bird poem.txt",
            "? 1",
            "$ sh -c 'echo out; echo err >&2; echo out again; exit 3'",
            "? 3",
            "out",
            "err",
            "out again",
            FENCE,
            "",
            "Blocks of other languages are not run:",
            "",
            FENCE + "sh",
            "$ false",
            FENCE,
            "",
            FENCE + "console",
            "$ greet world",
            "hello, world",
            "$ echo $LANG $TZ $COLUMNS $NO_COLOR ${LC_ALL:-no-lc-all}",
            "C.UTF-8 UTC 80 1 no-lc-all",
            "$ date; seq 1 100",
            "[..] UTC [..]",
            "1",
            "...",
            "100",
            FENCE);

    EngineExecutionResults results =
        run(ProcessTranscripts.of(doc).path(bin).env("GREETING", "hello"), "verify");

    results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    assertThat(
            results.testEvents().succeeded().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("manual.md:5", "manual.md:14", "manual.md:34");
  }

  @Test
  void aFailingBlockShowsTheCommandTheExitCodeAndADiff() throws IOException {
    Path doc =
        markdown(
            "failing.md",
            FENCE + "console",
            "$ echo one; echo two",
            "one",
            "three",
            "$ touch not-reached",
            FENCE,
            "",
            FENCE + "console",
            "$ ls; exit 4",
            FENCE);

    EngineExecutionResults results = run(ProcessTranscripts.of(doc), "verify");

    results.testEvents().assertStatistics(s -> s.succeeded(0).failed(2));
    List<String> messages = failureMessages(results);
    assertThat(messages.get(0))
        .startsWith(
            "Transcript " + doc + ", line 2:\n  $ echo one; echo two\nits output differs.\n")
        .contains("  exit code: 0, expected 0\n")
        .contains("  --- transcript\n  +++ actual\n", "   one\n  -three\n  +two\n")
        .contains("-Djunit.process.snapshots=overwrite");
    // the block stopped at its failing step: the next block's ls finds nothing
    assertThat(messages.get(1))
        .startsWith(
            "Transcript "
                + doc
                + ", line 9:\n  $ ls; exit 4\nits exit code differs.\n"
                + "  exit code: 4, expected 0\n"
                + "  output: as expected\n");
  }

  @Test
  void overwriteRewritesTheExpectedOutputInTheMarkdownKeepingPatterns() throws IOException {
    Path doc =
        markdown(
            "stale.md",
            "Text before stays.",
            FENCE + "console",
            "A line before the first step stays too.",
            "$ echo id $$; seq 1 5; echo new",
            "id [..]",
            "1",
            "...",
            "old",
            FENCE,
            "",
            "Between.",
            "",
            FENCE + "console",
            "$ echo fine",
            "fine",
            "$ echo failing; exit 2",
            FENCE,
            "Text after stays.");

    run(ProcessTranscripts.of(doc), "overwrite").testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(doc)
        .hasContent(
            String.join(
                "\n",
                "Text before stays.",
                FENCE + "console",
                "A line before the first step stays too.",
                "$ echo id $$; seq 1 5; echo new",
                "id [..]",
                "1",
                "...",
                "new",
                FENCE,
                "",
                "Between.",
                "",
                FENCE + "console",
                "$ echo fine",
                "fine",
                "$ echo failing; exit 2",
                "? 2",
                "failing",
                FENCE,
                "Text after stays."));
    // and then they pass as they are
    run(ProcessTranscripts.of(doc), "verify").testEvents().assertStatistics(s -> s.succeeded(2));
  }

  @Test
  void aFolderGivesEveryMarkdownFileBelowIt() throws IOException {
    markdown("b.md", FENCE + "console", "$ echo b", "b", FENCE);
    Files.createDirectories(dir.resolve("sub"));
    markdown("sub/a.md", "", FENCE + "console", "$ echo a", "a", FENCE);
    markdown("notes.txt", FENCE + "console", "$ false", FENCE);

    EngineExecutionResults results = run(ProcessTranscripts.of(dir), "verify");

    assertThat(
            results.testEvents().succeeded().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("b.md:1", "sub/a.md:2");
  }

  @Test
  void aStepPastItsTimeoutIsKilledAndFails() throws IOException {
    Path doc = markdown("slow.md", FENCE + "console", "$ echo started; sleep 30", "started", FENCE);

    EngineExecutionResults results =
        run(ProcessTranscripts.of(doc).timeout(Duration.ofMillis(500)), "verify");

    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(failureMessages(results).get(0))
        .contains("it was still running after 500ms and was killed")
        .contains("exit code: none (killed), expected 0");
  }

  @Test
  void whatTheStepsLeaveRunningIsStoppedWhenTheirBlockEnds() throws IOException {
    // [PID] is the step's shell; a background job holds the output pipe, a daemon left the group
    Path doc =
        markdown(
            "daemons.md",
            FENCE + "console",
            "$ echo shell $$",
            "shell [PID]",
            "$ sleep 300 & echo $! > \"$PIDS/job\"; echo started",
            "started",
            "$ mkfifo f; setsid sh -c 'echo $$ > f; exec sleep 300' >/dev/null 2>&1 & read pid < f;"
                + " echo $pid > \"$PIDS/daemon\"",
            "$ for p in $(cat \"$PIDS/job\" \"$PIDS/daemon\"); do kill -0 $p && echo running; done",
            "running",
            "running",
            FENCE);

    run(ProcessTranscripts.of(doc).env("PIDS", dir.toString()), "verify")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));

    assertThat(List.of(pid("job"), pid("daemon"))).noneMatch(ProcessTranscriptsTest::running);
  }

  @Test
  void aBlockEndingStopsOnlyWhatItsOwnStepsStarted() throws IOException {
    Path handshake = dir.resolve("second-ended");
    Process mkfifo = new ProcessBuilder("mkfifo", handshake.toString()).inheritIO().start();
    assertThat(waitFor(mkfifo)).as("mkfifo's exit code").isZero();
    // the same command in both; the first checks on its own once the second's block has ended
    Path first =
        markdown(
            "first.md",
            FENCE + "console",
            "$ sleep 300 & echo $! > \"$PIDS/first\"",
            "$ read go < \"$PIDS/second-ended\"; p=$(cat \"$PIDS/first\");"
                + " [ \"$(cut -d' ' -f3 /proc/$p/stat)\" != Z ] && echo still running",
            "still running",
            FENCE);
    Path second =
        markdown(
            "second.md",
            FENCE + "console",
            "$ sleep 300 & echo $! > \"$PIDS/second\"",
            FENCE,
            FENCE + "console",
            "$ echo go > \"$PIDS/second-ended\"",
            FENCE);
    Duration deadline = Duration.ofSeconds(20); // a run without two threads fails here
    ConcurrentTranscriptFixtures.first =
        ProcessTranscripts.of(first).env("PIDS", dir.toString()).timeout(deadline);
    ConcurrentTranscriptFixtures.second =
        ProcessTranscripts.of(second).env("PIDS", dir.toString()).timeout(deadline);

    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ConcurrentTranscriptFixtures.class))
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
            .execute();

    assertThat(failureMessages(results)).isEmpty();
    results.testEvents().assertStatistics(s -> s.succeeded(3));
    assertThat(List.of(pid("first"), pid("second"))).noneMatch(ProcessTranscriptsTest::running);
  }

  @Test
  void redactionsApplyToTheOutput() throws IOException {
    Path doc =
        markdown(
            "redacted.md", FENCE + "console", "$ echo version 1.2.3", "version [VERSION]", FENCE);

    run(ProcessTranscripts.of(doc).redacting("[VERSION]", "\\d+\\.\\d+\\.\\d+"), "verify")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Test
  void malformedTranscriptsAreReportedWithFileAndLine() throws IOException {
    Path unclosed = markdown("unclosed.md", "x", FENCE + "console", "$ echo");
    Path badExit = markdown("bad.md", FENCE + "console", "$ false", "? one", FENCE);

    assertThatThrownBy(() -> ProcessTranscripts.of(unclosed).tests())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed.md, line 2: the console block is not closed");
    assertThatThrownBy(() -> ProcessTranscripts.of(badExit).tests())
        .hasMessageContaining("bad.md, line 3: '? one' must give an exit code");
    assertThatThrownBy(() -> ProcessTranscripts.of(dir.resolve("none")).tests())
        .hasMessageStartingWith("No transcript file or folder");
  }

  private long pid(String file) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve(file)).strip());
  }

  /** Running: in /proc and not a zombie (an orphan is reaped by init only after a while). */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Path markdown(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static EngineExecutionResults run(ProcessTranscripts transcripts, String mode) {
    TranscriptFixtures.transcripts = transcripts;
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(TranscriptFixtures.class))
        .configurationParameter("junit.process.leaks", "off")
        .configurationParameter("junit.process.snapshots", mode)
        .execute();
  }

  private static List<String> failureMessages(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(ProcessTranscriptsTest::message)
        .collect(Collectors.toList());
  }

  private static String message(Event e) {
    return e.getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow()
        .getMessage();
  }
}
