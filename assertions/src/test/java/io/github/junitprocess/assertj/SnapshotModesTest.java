package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.assertj.fixtures.FixtureRunMain;
import io.github.junitprocess.assertj.fixtures.TakesSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The path rule and the modes, on fixtures run through the test kit with their snapshots in a
 * temporary directory; the {@code CI} rule in JVMs of their own, whose environment the test sets.
 */
@ExtendWith(ProcessExtension.class)
class SnapshotModesTest {
  private static final String PKG = "io/github/junitprocess/assertj/fixtures/";

  @TempDir Path dir;

  @Test
  void eachTestInvocationAndNameHasAFileOfItsOwn() throws IOException {
    run(TakesSnapshots.PerTest.class, "overwrite")
        .testEvents()
        .assertStatistics(s -> s.succeeded(8).failed(0));

    Path classDir = dir.resolve(PKG + "TakesSnapshots.PerTest");
    assertThat(files(dir))
        .containsExactlyInAnyOrder(
            PKG + "TakesSnapshots.PerTest/first.txt",
            PKG + "TakesSnapshots.PerTest/second.txt",
            PKG + "TakesSnapshots.PerTest/named.txt",
            PKG + "TakesSnapshots.PerTest/named.after_upgrade_2.txt",
            PKG + "TakesSnapshots.PerTest/repeated-1.txt",
            PKG + "TakesSnapshots.PerTest/repeated-2.txt",
            PKG + "TakesSnapshots.PerTest/parameterized-1.txt",
            PKG + "TakesSnapshots.PerTest/parameterized-2.txt",
            PKG + "TakesSnapshots.PerTest.Inner/inside.txt");
    assertThat(classDir.resolve("first.txt"))
        .hasContent(
            "command: sh -c 'echo class-level'\n"
                + "status: exited with exit code 0\n"
                + "--- stdout\n"
                + "class-level\n"
                + "--- stderr");
    assertThat(classDir.resolve("second.txt"))
        .hasSameTextualContentAs(classDir.resolve("first.txt"));

    // verify finds them all
    run(TakesSnapshots.PerTest.class, "verify")
        .testEvents()
        .assertStatistics(s -> s.succeeded(8).failed(0));
  }

  @Test
  void verifyFailsOnAMismatchWithADiffAndLeavesTheFileAlone() throws IOException {
    Path file = dir.resolve(PKG + "TakesSnapshots.One/snapshot.txt");
    String snapshot = oneSnapshot("id [..]", "head", "...", "tail", "old");
    write(file, snapshot);

    EngineExecutionResults results = run(TakesSnapshots.One.class, "verify");

    results.testEvents().assertStatistics(s -> s.failed(1));
    String message = failureMessage(results);
    assertThat(message)
        .contains(
            "Expecting process 'result' to match its snapshot, but it differs from\n  " + file,
            "@@",
            "-old\n",
            "+new\n",
            "-Djunit.process.snapshots=overwrite",
            "command: sh -c 'echo id 42;")
        .doesNotContain("+id 42", "+one"); // lines the patterns match are not differences
    assertThat(file).hasContent(snapshot.stripTrailing());
  }

  @Test
  void overwriteRewritesAMismatchKeepingThePatternsThatStillMatch() throws IOException {
    Path file = dir.resolve(PKG + "TakesSnapshots.One/snapshot.txt");
    write(file, oneSnapshot("id [..]", "head", "...", "tail", "old", "gone [..]"));

    run(TakesSnapshots.One.class, "overwrite").testEvents().assertStatistics(s -> s.succeeded(1));

    assertThat(Files.readString(file))
        .isEqualTo(oneSnapshot("id [..]", "head", "...", "tail", "new"));
  }

  @Test
  void overwriteWritesAMissingSnapshotAndPasses() {
    run(TakesSnapshots.One.class, "overwrite").testEvents().assertStatistics(s -> s.succeeded(1));

    assertThat(dir.resolve(PKG + "TakesSnapshots.One/snapshot.txt"))
        .content()
        .contains("--- stdout\nid 42\nhead\n");
  }

  @Test
  void aMissingSnapshotIsWrittenAndTheTestFailsAskingForAReview(Processes processes) {
    ProcessResult child =
        runInOwnJvm(processes, ProcessSpec.java(FixtureRunMain.class, args()).removeEnv("CI"));

    Path file = dir.resolve(PKG + "TakesSnapshots.One/snapshot.txt");
    assertThat(child)
        .succeeded()
        .hasStdoutContaining("FAILED snapshot")
        .hasStdoutContaining(
            "Expecting process 'result' to match its snapshot, but there was none: it has been"
                + " written from the actual output (redacted) to\n  "
                + file)
        .hasStdoutContaining("Review that file and commit it")
        .hasStdoutContaining("SUCCEEDED 0");
    assertThat(file).content().startsWith("command: sh -c 'echo id 42;");
  }

  @Test
  void inCiAMissingSnapshotFailsAndNothingIsWritten(Processes processes) {
    ProcessResult child =
        runInOwnJvm(processes, ProcessSpec.java(FixtureRunMain.class, args()).env("CI", "true"));

    assertThat(child)
        .succeeded()
        .hasStdoutContaining("FAILED snapshot")
        .hasStdoutContaining("to match its snapshot, but there is none:")
        .hasStdoutContaining("In CI (CI=true) no snapshot is written.")
        .hasStdoutContaining("SUCCEEDED 0");
    assertThat(dir.resolve(PKG + "TakesSnapshots.One")).doesNotExist();
  }

  @Test
  @ResourceLock("TakesSnapshots.AtTheSameTime")
  void testsRunningAtTheSameTimeWriteWholeSnapshots() throws IOException {
    Path shared = dir.resolve("shared.txt");
    TakesSnapshots.AtTheSameTime.sharedFile = shared;
    String[] concurrently = {
      "junit.jupiter.execution.parallel.enabled", "true",
      "junit.jupiter.execution.parallel.mode.default", "concurrent",
      "junit.jupiter.execution.parallel.config.strategy", "fixed",
      "junit.jupiter.execution.parallel.config.fixed.parallelism", "6"
    };

    run(TakesSnapshots.AtTheSameTime.class, "overwrite", concurrently)
        .testEvents()
        .assertStatistics(s -> s.succeeded(24).failed(0));

    String expected = Files.readString(shared);
    assertThat(SnapshotText.lines(expected)).hasSize(3000 + 4).endsWith("line 2999", "--- stderr");
    for (int i = 1; i <= 12; i++) {
      assertThat(dir.resolve(PKG + "TakesSnapshots.AtTheSameTime/own-" + i + ".txt"))
          .hasContent(expected.stripTrailing());
    }
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
    // and read back at the same time, every one of them matches
    run(TakesSnapshots.AtTheSameTime.class, "verify", concurrently)
        .testEvents()
        .assertStatistics(s -> s.succeeded(24).failed(0));
  }

  private String[] args() {
    return new String[] {
      TakesSnapshots.One.class.getName(),
      "junit.process.snapshots.dir=" + dir,
      "junit.process.snapshots=verify"
    };
  }

  private static ProcessResult runInOwnJvm(Processes processes, ProcessSpec spec) {
    return processes.run(spec.startupTimeout(Duration.ofSeconds(60)));
  }

  private EngineExecutionResults run(Class<?> fixture, String mode, String... more) {
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .configurationParameter("junit.process.leaks", "off")
            .configurationParameter("junit.process.snapshots.dir", dir.toString())
            .configurationParameter("junit.process.snapshots", mode);
    for (int i = 0; i + 1 < more.length; i += 2) {
      kit.configurationParameter(more[i], more[i + 1]);
    }
    return kit.execute();
  }

  private static String failureMessage(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(
            e ->
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .orElseThrow()
                    .getMessage())
        .findFirst()
        .orElseThrow();
  }

  private static String oneSnapshot(String... stdout) {
    return "command: sh -c 'echo id 42; echo head; echo one; echo two; echo tail; echo new'\n"
        + "status: exited with exit code 0\n"
        + "--- stdout\n"
        + String.join("\n", stdout)
        + "\n--- stderr\n";
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .collect(Collectors.toList());
    }
  }
}
