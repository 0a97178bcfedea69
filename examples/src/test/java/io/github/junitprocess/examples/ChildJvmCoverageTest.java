package io.github.junitprocess.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jacoco.core.data.ExecutionDataReader;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Coverage of child JVMs. This module's tests run under JaCoCo ({@code jacoco-maven-plugin}'s
 * {@code prepare-agent}, as in most builds); every child JVM the extension starts ({@code
 * javaMain}, {@code ProcessSpec.java}, pools) gets the same agent, writing to the same {@code
 * target/jacoco.exec} in append mode, so {@code jacoco:report} counts what the children ran. No
 * configuration: {@code junit.process.java.coverage=off} turns it off.
 *
 * <p>A child writes its data when it exits: on a graceful stop (the extension's teardown, {@code
 * stop()}), not when it is killed ({@code kill()}, or a {@code KILL} after the stop timeout). The
 * test JVM's own data is written when it exits, after the tests; so during the run the file holds
 * exactly what the children wrote, one session each, which is what these tests read.
 */
@ExtendWith(ProcessExtension.class)
class ChildJvmCoverageTest {
  private static final String PROBE = CoverageProbe.class.getName().replace('.', '/');

  @Test
  void theCodeOnlyAChildRanIsCovered(Processes processes) throws IOException {
    long start = startedUnderJacoco();
    SpawnedProcess child =
        processes.start(ProcessSpec.java(CoverageProbe.class, "one").readyLine("READY"));

    ProcessResult stopped = child.stop(); // TERM: the agent writes its data as the JVM exits

    assertThat(stopped.stoppedByExtension()).isTrue();
    assertThat(sessionsSince(start, PROBE)).hasSize(1);
  }

  @Test
  void childrenWritingAtTheSameTimeNeverCorruptTheData(Processes processes) throws IOException {
    long start = startedUnderJacoco();
    List<SpawnedProcess> children = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      children.add(
          processes.start(ProcessSpec.java(CoverageProbe.class, "p" + i).readyLine("READY")));
    }

    // all six stop, and write, at once: the agent's append mode locks the file for each
    CompletableFuture.allOf(
            children.stream()
                .map(c -> CompletableFuture.runAsync(c::stop))
                .toArray(CompletableFuture[]::new))
        .join();

    // the whole file parsed, every session in it
    assertThat(sessionsSince(start, PROBE)).hasSize(6);
  }

  /** Skips outside a build with JaCoCo (an IDE run); returns when the test started. */
  private static long startedUnderJacoco() {
    assumeTrue(underJacoco(), "the test JVM runs without the JaCoCo agent");
    return System.currentTimeMillis();
  }

  /** Whether this test JVM runs with the JaCoCo agent (a build, not an IDE run). */
  static boolean underJacoco() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.startsWith("-javaagent:") && a.contains("jacoco"));
  }

  /**
   * The sessions in {@code target/jacoco.exec} that started at {@code since} or later and in which
   * {@code className} ran, by session id; the file is read whole, so a corrupt one fails here.
   */
  static List<String> sessionsSince(long since, String className) throws IOException {
    List<String> sessions = new ArrayList<>();
    SessionInfo[] current = new SessionInfo[1];
    ExecutionDataStore[] store = new ExecutionDataStore[1];
    Runnable finish =
        () -> {
          if (current[0] != null && current[0].getStartTimeStamp() >= since) {
            boolean ran =
                store[0].getContents().stream()
                    .anyMatch(d -> d.getName().equals(className) && d.hasHits());
            if (ran) {
              sessions.add(current[0].getId());
            }
          }
        };
    try (InputStream in = Files.newInputStream(Path.of("target/jacoco.exec"))) {
      ExecutionDataReader reader = new ExecutionDataReader(in);
      // a dump is its session's header, then its classes' data
      reader.setSessionInfoVisitor(
          info -> {
            finish.run();
            current[0] = info;
            store[0] = new ExecutionDataStore();
          });
      reader.setExecutionDataVisitor(data -> store[0].put(data));
      reader.read();
    }
    finish.run();
    return sessions;
  }
}
