package io.github.junitprocess.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.LogDirFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class LogDirTest {
  @Test
  void aLogDirThatCannotBeWrittenIsReportedOnceAndCaptureGoesOn(@TempDir Path dir)
      throws Exception {
    Path notADir = Files.writeString(dir.resolve("a-file"), "");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    EngineExecutionResults results;
    try {
      results =
          TestKit.run(
              LogDirFixtures.AsksForItsLog.class, "junit.process.log.dir", notADir.toString());
    } finally {
      System.setErr(original);
    }

    TestKit.assertAllPassed(results, 1);
    String stderr = captured.toString(StandardCharsets.UTF_8);
    assertThat(stderr)
        .contains("[junit-process] WARNING: cannot write log files in " + notADir)
        .contains("junit.process.log.dir");
    assertThat(stderr.split("cannot write log files", -1)).as("reported once").hasSize(2);
  }
}
