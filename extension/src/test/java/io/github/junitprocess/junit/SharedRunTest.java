package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.fixtures.SharedRunFixtures;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code share = RUN}: one process per name for a whole run (one Test Kit execution here), started
 * once even for classes starting at the same time, the same handle everywhere, checked
 * declarations, refused stop and kill, a crash reported rather than hidden, and nothing left when
 * the run ends.
 */
@ExtendWith(NothingLeftBehind.class)
class SharedRunTest {
  private static final String[] IN_ORDER = {
    "junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation"
  };

  private Path log;

  @BeforeEach
  void setUp(@TempDir Path dir) {
    log = dir.resolve("shared.log");
    System.setProperty(SharedRunFixtures.LOG, log.toString());
    SharedRunFixtures.reset();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(SharedRunFixtures.LOG);
    SharedRunFixtures.reset();
  }

  private List<String> logLines() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private List<String> starts() throws IOException {
    return logLines().stream().filter(l -> l.matches("\\d+")).collect(Collectors.toList());
  }

  @Test
  void threeClassesShareOneProcessThatIsGoneWhenTheRunEnds() throws IOException {
    EngineExecutionResults results = TestKit.run(SharedRunFixtures.SEQUENTIAL, IN_ORDER);

    TestKit.assertAllPassed(results, 4);
    assertThat(starts()).as("starts of shared-db").hasSize(1);
    long pid = Long.parseLong(starts().get(0));
    assertThat(SharedRunFixtures.SEEN)
        .as("pid, port() and ${port.shared-db} seen by each class")
        .hasSize(3)
        .allSatisfy(
            seen -> {
              String[] f = seen.split(" ");
              assertThat(Long.parseLong(f[0])).isEqualTo(pid);
              assertThat(f[2]).as("${port.shared-db}").isEqualTo(f[1]);
            });
    assertThat(SharedRunFixtures.HANDLES.stream().filter(h -> h instanceof SpawnedProcess))
        .as("one handle for shared-db, one for shared-cache")
        .hasSize(2);
    TestKit.assertAllGone(List.of(pid));
  }

  @Test
  void sharedProcessesStopInReverseOrderOfTheirStartWithTheirEscapedDaemons() throws IOException {
    EngineExecutionResults results = TestKit.run(SharedRunFixtures.SEQUENTIAL, IN_ORDER);

    TestKit.assertAllPassed(results, 4);
    assertThat(logLines().stream().filter(l -> l.startsWith("bye ")))
        .as("TERM reached them at the end of the run, the later one first")
        .containsExactly("bye shared-cache", "bye shared-db");
    List<Long> pids = new ArrayList<>(SharedRunFixtures.PIDS);
    assertThat(pids).as("shared-cache and its daemon").hasSize(2);
    pids.add(Long.parseLong(starts().get(0)));
    TestKit.assertAllGone(pids);
  }

  @Test
  void classesStartingAtTheSameTimeWaitForOneStart() throws IOException {
    SharedRunFixtures.classesStarting = new CyclicBarrier(3);

    EngineExecutionResults results =
        TestKit.run(SharedRunFixtures.CONCURRENT, TestKit.CONCURRENTLY);

    TestKit.assertAllPassed(results, 3);
    assertThat(starts()).as("starts of shared-db").hasSize(1);
    assertThat(SharedRunFixtures.SEEN).hasSize(3).containsOnly(SharedRunFixtures.SEEN.get(0));
    assertThat(SharedRunFixtures.HANDLES).hasSize(1);
    TestKit.assertAllGone(List.of(Long.parseLong(starts().get(0))));
  }

  @Test
  void aSecondDeclarationThatDiffersFailsItsClassBeforeAnythingOfItStarts() throws IOException {
    EngineExecutionResults results =
        TestKit.run(
            List.of(SharedRunFixtures.FirstUser.class, SharedRunFixtures.Mismatch.class), IN_ORDER);

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@SpawnProcess(share = RUN) named 'shared-db'")
        .hasMessageContaining("field 'db' in " + SharedRunFixtures.FirstUser.class.getName())
        .hasMessageContaining("field 'db' in " + SharedRunFixtures.Mismatch.class.getName())
        .hasMessageContaining("readyLine (\"^listening\" vs \"^ready\")");
    assertThat(starts())
        .as("only the first class's shared-db started; Mismatch's own process did not")
        .hasSize(1);
  }

  @Test
  void aCrashedSharedProcessFailsTheNextClassThatNeedsItAndIsNotRestarted() throws IOException {
    EngineExecutionResults results =
        TestKit.run(
            List.of(SharedRunFixtures.Crasher.class, SharedRunFixtures.AfterTheCrash.class),
            IN_ORDER);

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure)
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("'shared-db' is shared by the test run (share = RUN) and has exited")
        .hasMessageContaining(SharedRunFixtures.AfterTheCrash.class.getName() + " cannot use it")
        .hasMessageContaining("not restarted")
        .hasMessageContaining(
            "Used by: "
                + SharedRunFixtures.Crasher.class.getName()
                + ", "
                + SharedRunFixtures.AfterTheCrash.class.getName())
        .hasMessageContaining("was killed by signal KILL")
        .hasMessageContaining("listening on");
    assertThat(((ProcessExitedException) failure).result()).isPresent();
    assertThat(starts()).as("starts of shared-db").hasSize(1);
  }

  @Test
  void aSharedResultRunsOnceAndASharedPoolIsOnePool() throws IOException {
    EngineExecutionResults results =
        TestKit.run(
            List.of(
                SharedRunFixtures.BuildAndPoolFirst.class,
                SharedRunFixtures.BuildAndPoolSecond.class));

    TestKit.assertAllPassed(results, 2);
    assertThat(starts()).as("runs of the build step").hasSize(1);
    assertThat(SharedRunFixtures.HANDLES.stream().filter(h -> h instanceof ProcessResult))
        .hasSize(1);
    assertThat(SharedRunFixtures.HANDLES.stream().filter(h -> h instanceof WorkerPool)).hasSize(1);
  }

  @Test
  void aFailedTestReportsTheSharedProcessItDeclared() {
    EngineExecutionResults results = TestKit.run(SharedRunFixtures.FailingUser.class);

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure).hasMessage("boom");
    assertThat(failure.getSuppressed())
        .extracting(Throwable::getMessage)
        .anySatisfy(m -> assertThat(m).contains("Output of process 'shared-db'", "listening on"));
  }

  @Test
  void aSharedProcessStartedInATestIsNoLeak() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(
                    SharedRunFixtures.StartsItInATest.class))
            .configurationParameter("junit.process.leaks", "fail")
            .execute();

    TestKit.assertAllPassed(results, 1);
    assertThat(results.allEvents().reportingEntryPublished().stream())
        .noneMatch(
            e ->
                e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                    .orElseThrow()
                    .getKeyValuePairs()
                    .containsKey("junit-process.leak"));
  }
}
