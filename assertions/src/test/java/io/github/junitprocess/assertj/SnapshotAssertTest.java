package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Snapshot assertions on real processes, against files the test writes; the modes and the path rule
 * are in {@code SnapshotModesTest}.
 */
class SnapshotAssertTest {
  private static final Duration LONG = Duration.ofSeconds(20);

  @TempDir Path dir;

  @SpawnProcess(
      value = {
        "sh",
        "-c",
        "echo cwd=$PWD; echo temp=${tempDir}; echo port=${port} peer=${port.peer}; echo pid=$$;"
            + " echo home=${sys.user.home}; echo root=${sys.user.dir}; echo java=${java};"
            + " echo 'version 1.22.3, took 17ms, port 123456'"
      },
      workingDir = "target")
  ProcessResult revealing;

  @Test
  void redactsWhatTheProcessWasGivenThenTheUsersPatterns() throws IOException {
    Path file =
        snapshot(
            "command: sh -c [..]",
            "status: exited with exit code 0",
            "--- stdout",
            "cwd=[CWD]",
            "temp=[TEMP]",
            "port=[PORT] peer=[PORT.peer]",
            "pid=[PID]",
            "home=[HOME]",
            "root=[ROOT]",
            "java=[JAVA]",
            "version [VERSION], took [TOOK]ms, port 123456",
            "--- stderr");

    assertThat(revealing)
        .redacting("[VERSION]", "\\d+\\.\\d+\\.\\d+")
        .redacting("[TOOK]", "took (?<redacted>\\d+)ms")
        .matchesSnapshot(file);
  }

  @Test
  void theCommandLineIsRedactedToo() throws IOException {
    Path file = dir.resolve("command.txt");
    Files.writeString(file, "");
    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class, () -> assertThat(revealing).matchesSnapshot(file));

    String actual = failure.getActual().getStringRepresentation();
    assertThat(actual)
        .startsWith(
            "command: sh -c 'echo cwd=$PWD; echo temp=[TEMP]; echo port=[PORT] peer=[PORT.peer];")
        .contains("echo root=[ROOT]; echo java=[JAVA];")
        .doesNotContain(revealing.process().orElseThrow().tempDir().orElseThrow().toString());
  }

  @Test
  void aMismatchShowsTheFileADiffHowToUpdateAndTheProcess(
      @SpawnProcess({"sh", "-c", "echo alpha; echo beta; echo oops >&2; exit 3"})
          ProcessResult failing)
      throws IOException {
    Path file =
        snapshot(
            "command: sh -c 'echo alpha; echo beta; echo oops >&2; exit 3'",
            "status: exited with exit code 3",
            "--- stdout",
            "alpha",
            "gamma",
            "--- stderr",
            "oops");

    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class, () -> assertThat(failing).matchesSnapshot(file));

    assertThat(failure.getMessage())
        .startsWith(
            "\nExpecting process 'failing' to match its snapshot, but it differs from\n  "
                + file
                + "\n(- snapshot, + actual, redacted; lines matched by [..] or ... count as"
                + " equal):\n"
                + "  --- snapshot\n"
                + "  +++ actual\n"
                + "  @@ -2,6 +2,6 @@\n"
                + "   status: exited with exit code 3\n"
                + "   --- stdout\n"
                + "   alpha\n"
                + "  -gamma\n"
                + "  +beta\n"
                + "   --- stderr\n"
                + "   oops\n"
                + "To accept the actual output, run with -Djunit.process.snapshots=overwrite")
        .contains(
            "  process: 'failing' (pid " + failing.pid() + ")",
            "  status: exited with exit code 3",
            "  stderr (1 line):\n    | oops");
    assertThat(failure.getExpected().getStringRepresentation()).contains("gamma");
    assertThat(failure.getActual().getStringRepresentation()).contains("beta");
    assertThat(file).content().contains("gamma"); // verify never changes a snapshot
  }

  @Test
  void patternsInTheSnapshotMatchVolatileParts(
      @SpawnProcess({"sh", "-c", "echo started at $(date +%s%N); seq 1 50; echo done"})
          ProcessResult volatileOutput)
      throws IOException {
    Path file =
        snapshot(
            "command: sh -c [..]",
            "status: exited with [..]",
            "--- stdout",
            "started at [..]",
            "1",
            "...",
            "done",
            "--- stderr");

    assertThat(volatileOutput).matchesSnapshot(file);
  }

  @Test
  void stdoutAndStderrAreComparedBoth(
      @SpawnProcess({"sh", "-c", "echo out; echo err >&2"}) ProcessResult both) throws IOException {
    Path file =
        snapshot(
            "command: sh -c 'echo out; echo err >&2'",
            "status: exited with exit code 0",
            "--- stdout",
            "out",
            "--- stderr",
            "different");

    assertThatThrownBy(() -> assertThat(both).matchesSnapshot(file))
        .hasMessageContaining("  -different\n  +err\n");
  }

  @Test
  void aLastLineWithoutLineEndShows(
      @SpawnProcess({"sh", "-c", "printf 'no end'"}) ProcessResult unended) throws IOException {
    Path file =
        snapshot(
            "command: sh -c 'printf '\\''no end'\\'''",
            "status: exited with exit code 0",
            "--- stdout",
            "no end",
            "--- stderr");

    assertThatThrownBy(() -> assertThat(unended).matchesSnapshot(file))
        .hasMessageContaining("   no end\n  +\\ no newline at end\n");
  }

  @Test
  void anOutputSnapshotIsTheStreamSoFarRedacted(Processes processes) throws IOException {
    SpawnedProcess live =
        processes.start("sh", "-c", "echo my pid is $$; echo in $PWD; echo ready; exec sleep 60");
    live.stdout().awaitLine("^ready$", LONG);
    Path file = snapshot("my pid is [PID]", "in [CWD]", "ready");

    assertThat(live.stdout()).matchesSnapshot(file);
    assertThat(live.isAlive()).isTrue();
    assertThatThrownBy(() -> assertThat(live.stdout()).matchesSnapshot(snapshot("ready")))
        .hasMessageStartingWith(
            "\nExpecting stdout of process 'sh' to match its snapshot, but it differs from")
        .hasMessageContaining("status: still running");
  }

  @Test
  void anExplicitFileNeedsNoTest(@SpawnProcess({"sh", "-c", "echo hi"}) ProcessResult hi)
      throws IOException {
    Path file =
        snapshot(
            "command: sh -c 'echo hi'",
            "status: exited with exit code 0",
            "--- stdout",
            "hi",
            "--- stderr");

    // a thread of its own runs no test: the file must be given
    CompletableFuture.runAsync(() -> assertThat(hi).matchesSnapshot(file)).join();
    assertThatThrownBy(
            () -> CompletableFuture.runAsync(() -> assertThat(hi).matchesSnapshot()).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "matchesSnapshot() names its snapshot file after the JUnit test running on this"
                + " thread, but there is none here")
        .hasMessageContaining("matchesSnapshot(Path.of(");
    assertThatThrownBy(
            () -> CompletableFuture.runAsync(() -> assertThat(hi).matchesSnapshot("x")).join())
        .cause()
        .hasMessageStartingWith("matchesSnapshot(\"x\") names its snapshot file");
  }

  @Test
  void aBlankNameIsRejected(@SpawnProcess({"true"}) ProcessResult done) {
    assertThatThrownBy(() -> assertThat(done).matchesSnapshot(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a snapshot name must not be blank");
  }

  @Test
  void softAssertionsCollectASnapshotMismatch(
      @SpawnProcess({"sh", "-c", "echo soft"}) ProcessResult soft) throws IOException {
    Path file = snapshot("something else");
    ProcessSoftAssertions softly = new ProcessSoftAssertions();

    softly.assertThat(soft).matchesSnapshot(file).succeeded();

    assertThat(softly.errorsCollected()).hasSize(1);
    assertThat(softly.errorsCollected().get(0)).hasMessageContaining("+soft");
  }

  private Path snapshot(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "snapshot", ".txt");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }
}
