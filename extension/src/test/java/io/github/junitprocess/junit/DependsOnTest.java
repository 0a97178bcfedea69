package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.DependsOnFixtures;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code dependsOn} and {@code junit.process.start.concurrent}: dependency order with and without
 * the key, unknown names and cycles refused before anything starts, a failing dependency keeping
 * its dependents from starting, dependencies across scopes and on shared processes and pools,
 * concurrent start and stop measured, an interrupted start cleaned up, and tests running at the
 * same time keeping their same-named processes apart.
 */
@ExtendWith(NothingLeftBehind.class)
class DependsOnTest {
  private static final String CONCURRENT = "junit.process.start.concurrent";
  private static final String KEY = "junit-process.startup";

  private Path log;

  @BeforeEach
  void setUp(@TempDir Path dir) {
    log = dir.resolve("deps.log");
    System.setProperty(DependsOnFixtures.LOG, log.toString());
    DependsOnFixtures.reset();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(DependsOnFixtures.LOG);
    DependsOnFixtures.reset();
  }

  private List<String> logLines() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The log with pids left out: {@code NAME} when spawned, {@code NAME-ready} when ready. */
  private List<String> events() throws IOException {
    return logLines().stream().map(l -> l.split(" ")[0]).collect(Collectors.toList());
  }

  /** The names in the log's spawn lines ({@code NAME PID}), in order. */
  private List<String> spawned() throws IOException {
    return logLines().stream()
        .filter(l -> l.contains(" "))
        .map(l -> l.substring(0, l.indexOf(' ')))
        .collect(Collectors.toList());
  }

  private List<Long> spawnedPids() throws IOException {
    return logLines().stream()
        .filter(l -> l.contains(" "))
        .map(l -> Long.parseLong(l.substring(l.indexOf(' ') + 1)))
        .collect(Collectors.toList());
  }

  private static List<String> startupEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
        .filter(m -> m.containsKey(KEY))
        .map((Map<String, String> m) -> m.get(KEY))
        .collect(Collectors.toList());
  }

  /** The latest {@code ready +…} offset of an entry. */
  private static Duration lastReady(String entry) {
    Matcher m = Pattern.compile("ready \\+([0-9.]+)(ms|s)").matcher(entry);
    Duration last = Duration.ZERO;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      Duration d = Duration.ofMillis((long) (m.group(2).equals("s") ? v * 1000 : v));
      last = d.compareTo(last) > 0 ? d : last;
    }
    return last;
  }

  @Test
  void withoutTheKeyProcessesStartOneAtATimeInDeclarationOrderMovedLaterOnlyForADependency()
      throws IOException {
    EngineExecutionResults results = TestKit.run(DependsOnFixtures.Ordered.class);

    TestKit.assertAllPassed(results, 1);
    assertThat(events())
        .containsSubsequence("db-ready", "api", "api-ready", "client", "client-ready", "worker");
    assertThat(spawned()).containsExactly("db", "api", "client", "worker");
    List<String> entries = startupEntries(results);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).split("\n"))
        .hasSize(5)
        .satisfies(
            lines -> {
              assertThat(lines[0]).isEqualTo("sequential start");
              assertThat(lines[1]).matches("db spawned \\+\\d+ms, ready \\+[0-9.]+m?s");
              assertThat(lines[2]).matches("api spawned \\+[0-9.]+m?s after db, ready \\+.*");
              assertThat(lines[3]).matches("client spawned \\+[0-9.]+m?s after api, ready \\+.*");
              assertThat(lines[4]).startsWith("worker spawned ");
            });
    TestKit.assertAllGone(spawnedPids());
  }

  @Test
  void withTheKeyWhatIsIndependentStartsAtOnceAndDependentsWaitForReadiness() throws IOException {
    EngineExecutionResults results =
        TestKit.run(DependsOnFixtures.Ordered.class, CONCURRENT, "true");

    TestKit.assertAllPassed(results, 1);
    List<String> events = events();
    assertThat(events).containsSubsequence("db-ready", "api", "api-ready", "client");
    assertThat(events.indexOf("worker"))
        .as("worker spawned while db was still starting: " + events)
        .isLessThan(events.indexOf("db-ready"));
    assertThat(startupEntries(results)).singleElement().asString().startsWith("concurrent start");
    TestKit.assertAllGone(spawnedPids());
  }

  @Test
  void aCycleIsRefusedBeforeAnythingStartsShowingTheCycle() throws IOException {
    EngineExecutionResults results = TestKit.run(DependsOnFixtures.Cycle.class);

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@SpawnProcess on field 'api' in "
                + DependsOnFixtures.Cycle.class.getName()
                + ": dependsOn forms a cycle: api -> cache -> api. A process can wait only for"
                + " processes that do not wait for it; remove one of these dependencies.");
    assertThat(logLines()).as("nothing of the scope started, not even web").isEmpty();
  }

  @Test
  void anUnknownNameIsRefusedBeforeAnythingOfTheScopeStartsListingTheNamesAvailable()
      throws IOException {
    EngineExecutionResults results = TestKit.run(DependsOnFixtures.Unknown.class);

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@SpawnProcess on field 'api' in "
                + DependsOnFixtures.Unknown.class.getName()
                + ": dependsOn names 'dbx', but no process of this scope, of an enclosing scope or"
                + " shared by the run is named so. Available here: db, api; in enclosing scopes:"
                + " base; shared by the run: (none). Use one of these names, or declare the"
                + " process 'dbx' (an instance process can wait for a static one, not the other"
                + " way round).");
    assertThat(spawned()).as("only the class's process started").containsExactly("base");
    TestKit.assertAllGone(spawnedPids());
  }

  @Test
  void aStaticProcessCannotWaitForAnInstanceOne() throws IOException {
    EngineExecutionResults results = TestKit.run(DependsOnFixtures.StaticOnInstance.class);

    assertThat(TestKit.singleFailure(results))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@SpawnProcess on field 'base' in "
                + DependsOnFixtures.StaticOnInstance.class.getName()
                + ": dependsOn names 'db', but no process");
    assertThat(logLines()).isEmpty();
  }

  @ParameterizedTest(name = "concurrent = {0}")
  @ValueSource(booleans = {false, true})
  void aFailingDependencyKeepsItsDependentsFromStartingAndNamesThem(boolean concurrent)
      throws IOException {
    EngineExecutionResults results =
        TestKit.run(
            DependsOnFixtures.FailingDependency.class, CONCURRENT, String.valueOf(concurrent));

    Throwable failure = TestKit.singleFailure(results);
    assertThat(failure)
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("'db'")
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("broken")
        .hasMessageContaining(
            "\nNot started, because they depend on 'db' (dependsOn): api, client");
    assertThat(spawned()).containsExactlyInAnyOrder("early", "db");
    String entry = startupEntries(results).get(0);
    assertThat(entry)
        .contains("db spawned ")
        .contains(", failed +")
        .contains("api not started: depends on db")
        .contains("client not started: depends on api");
    TestKit.assertAllGone(spawnedPids());
  }

  @ParameterizedTest(name = "concurrent = {0}")
  @ValueSource(booleans = {false, true})
  void instanceProcessesWaitForStaticOnesAndNestedClassesForTheOuterOnes(boolean concurrent)
      throws IOException {
    EngineExecutionResults results =
        TestKit.run(DependsOnFixtures.CrossScope.class, CONCURRENT, String.valueOf(concurrent));

    TestKit.assertAllPassed(results, 2);
    assertThat(spawned()).containsExactly("base", "inst", "inst", "inner");
    List<String> entries = startupEntries(results);
    assertThat(entries)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("inst spawned ")
                    .contains(" after base (enclosing scope), ready +"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("inner spawned ")
                    .contains(" after base (enclosing scope), inst, ready +"));
    TestKit.assertAllGone(spawnedPids());
  }

  @Test
  void aSharedProcessCanBeDependedOnByTheClassDeclaringItAndByOthers() throws IOException {
    EngineExecutionResults results =
        TestKit.run(
            List.of(DependsOnFixtures.SharedDeclarer.class, DependsOnFixtures.SharedUser.class),
            "junit.jupiter.testclass.order.default",
            "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");

    TestKit.assertAllPassed(results, 2);
    assertThat(spawned()).containsExactly("shared-base", "user", "user2");
    List<String> entries = startupEntries(results);
    assertThat(entries)
        .anySatisfy(
            e -> assertThat(e).contains("shared-base (shared by the run) started here: spawned +"))
        .anySatisfy(e -> assertThat(e).contains("user spawned ").contains(" after shared-base"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("user2 spawned ")
                    .contains(" after shared-base (shared by the run), ready +"));
    TestKit.assertAllGone(spawnedPids());
  }

  @ParameterizedTest(name = "concurrent = {0}")
  @ValueSource(booleans = {false, true})
  void aPoolIsReadyWhenAllItsWorkersAreAndCanWaitForAProcess(boolean concurrent)
      throws IOException {
    EngineExecutionResults results =
        TestKit.run(DependsOnFixtures.Pools.class, CONCURRENT, String.valueOf(concurrent));

    TestKit.assertAllPassed(results, 1);
    List<String> events = events();
    assertThat(spawned()).containsExactly("db", "workers", "workers", "client");
    assertThat(events.lastIndexOf("workers-ready"))
        .as("client spawned after both workers were ready: " + events)
        .isLessThan(events.indexOf("client"));
    assertThat(events.indexOf("db-ready")).isLessThan(events.indexOf("workers"));
    assertThat(startupEntries(results).get(0))
        .contains("workers (pool) spawned +")
        .contains(" after db, ready +");
    TestKit.assertAllGone(spawnedPids());
  }

  @Test
  void threeSlowStartersAreReadyInAboutOneStartupWithTheKeyAndInThreeWithout() {
    Duration concurrent =
        lastReady(
            startupEntries(TestKit.run(DependsOnFixtures.ThreeSlow.class, CONCURRENT, "true"))
                .get(0));
    Duration sequential =
        lastReady(startupEntries(TestKit.run(DependsOnFixtures.ThreeSlow.class)).get(0));

    assertThat(concurrent)
        .as("concurrent start of three 1.5s starters")
        .isLessThan(Duration.ofMillis(3500));
    assertThat(sequential)
        .as("sequential start of three 1.5s starters")
        .isGreaterThanOrEqualTo(Duration.ofMillis(4500));
  }

  @ParameterizedTest(name = "concurrent = {0}")
  @ValueSource(booleans = {false, true})
  void threeTermIgnoringProcessesCostOneGracePeriodWithTheKeyAndThreeWithout(boolean concurrent) {
    EngineExecutionResults results =
        TestKit.run(DependsOnFixtures.ThreeStubborn.class, CONCURRENT, String.valueOf(concurrent));
    Duration teardown = Duration.ofNanos(System.nanoTime() - DependsOnFixtures.testEnded);

    TestKit.assertAllPassed(results, 1);
    if (concurrent) {
      assertThat(teardown)
          .as("stopping three TERM-ignoring processes at once")
          .isLessThan(Duration.ofMillis(2500));
    } else {
      assertThat(teardown)
          .as("stopping them one after another")
          .isGreaterThanOrEqualTo(Duration.ofMillis(3000));
    }
    assertThat(teardown).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    TestKit.assertAllGone(DependsOnFixtures.PIDS);
  }

  @ParameterizedTest(name = "concurrent = {0}")
  @ValueSource(booleans = {false, true})
  void aProcessIsStoppedBeforeWhatItDependsOn(boolean concurrent) throws IOException {
    EngineExecutionResults results =
        TestKit.run(DependsOnFixtures.StopOrder.class, CONCURRENT, String.valueOf(concurrent));

    TestKit.assertAllPassed(results, 1);
    assertThat(logLines()).containsExactly("bye api", "bye db");
  }

  @Test
  void anInterruptedConcurrentStartIsCancelledAndLeavesNothingRunning() throws Exception {
    DependsOnFixtures.checked = new CountDownLatch(2);
    AtomicReference<EngineExecutionResults> results = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> results.set(TestKit.run(DependsOnFixtures.NeverReady.class, CONCURRENT, "true")),
            "interrupted-start");
    long began = System.nanoTime();
    runner.start();
    assertThat(DependsOnFixtures.checked.await(20, TimeUnit.SECONDS))
        .as("one and two are being checked for readiness")
        .isTrue();
    runner.interrupt();
    runner.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(runner.isAlive()).as("the run ended").isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .as("well before the 60s startup timeout")
        .isLessThan(Duration.ofSeconds(20));
    Throwable failure = TestKit.singleFailure(results.get());
    assertThat(failure)
        .isInstanceOf(ProcessException.class)
        .hasMessageContaining("Interrupted while starting the processes of ")
        .hasMessageContaining("not ready yet: one, two, three");
    assertThat(DependsOnFixtures.PIDS).hasSize(2);
    TestKit.assertAllGone(DependsOnFixtures.PIDS);
  }

  @Test
  void testsRunningAtTheSameTimeKeepTheirSameNamedProcessesAndPortsApart() {
    DependsOnFixtures.testsStarting = new CyclicBarrier(4);
    List<String> config = new ArrayList<>(List.of(TestKit.CONCURRENTLY));
    config.addAll(List.of(CONCURRENT, "true"));

    EngineExecutionResults results =
        TestKit.run(DependsOnFixtures.SameNamesInParallel.class, config.toArray(String[]::new));

    TestKit.assertAllPassed(results, 4);
    assertThat(DependsOnFixtures.SEEN)
        .hasSize(4)
        .allSatisfy(
            seen -> {
              String[] f = seen.split(" ");
              assertThat(f[1]).as("api's ${port.db} is its own test's db").isEqualTo(f[0]);
            });
    Set<String> ports = new HashSet<>();
    DependsOnFixtures.SEEN.forEach(s -> ports.add(s.split(" ")[0]));
    assertThat(ports).as("four tests, four db ports").hasSize(4);
  }
}
