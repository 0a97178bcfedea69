package io.github.junitprocess.junit;

import static io.github.junitprocess.TestKit.assertAllPassed;
import static io.github.junitprocess.TestKit.isGone;
import static io.github.junitprocess.fixtures.LifecycleFixtures.EVENTS;
import static io.github.junitprocess.fixtures.LifecycleFixtures.PIDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.LifecycleFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ResourceLock("LifecycleFixtures")
class LifecycleTest {

  @BeforeEach
  void reset() {
    LifecycleFixtures.reset();
  }

  @Test
  void staticFieldIsSharedByTheClassAndInstanceFieldsArePerTest() {
    assertAllPassed(TestKit.run(LifecycleFixtures.StaticAndInstanceFields.class), 3);

    assertThat(EVENTS).contains("beforeAll shared alive=true", "afterEach perTest alive=true");
    assertThat(PIDS.get("shared.one"))
        .isEqualTo(PIDS.get("shared.two"))
        .isEqualTo(PIDS.get("shared.three"));
    assertThat(PIDS.get("perTest.one")).isNotEqualTo(PIDS.get("perTest.two"));
    assertThat(PIDS.get("inner.three")).isNotEqualTo(PIDS.get("outerPerTest.three"));
    assertThat(PIDS.values())
        .allSatisfy(pid -> assertThat(isGone(pid)).as("pid %d gone", pid).isTrue());
  }

  @Test
  void perClassLifecycleStartsOneProcessPerInstance() {
    assertAllPassed(TestKit.run(LifecycleFixtures.PerClassInstance.class), 2);

    assertThat(PIDS.get("perInstance.one")).isEqualTo(PIDS.get("perInstance.two"));
    assertThat(isGone(PIDS.get("perInstance.one"))).isTrue();
  }

  @Test
  void parametersAreScopedToTheirMethodsAndProcessResultRunsToCompletion() {
    assertAllPassed(TestKit.run(LifecycleFixtures.Parameters.class), 1);

    assertThat(EVENTS).contains("result 4 out err", "beforeEach param alive in afterEach=true");
    assertThat(PIDS)
        .containsKeys("beforeAll.param", "beforeEach.param", "test.param", "test.processes");
    assertThat(PIDS.values())
        .allSatisfy(pid -> assertThat(isGone(pid)).as("pid %d gone", pid).isTrue());
  }

  @Test
  void processesStartInDeclarationOrderAndStopInReverse(@TempDir Path dir) throws Exception {
    Path orderFile = dir.resolve("order");
    System.setProperty("junit.process.test.orderFile", orderFile.toString());
    try {
      assertAllPassed(TestKit.run(LifecycleFixtures.StartAndStopOrder.class), 1);
    } finally {
      System.clearProperty("junit.process.test.orderFile");
    }
    assertThat(Files.readAllLines(orderFile)).containsExactly("third", "second", "first");
  }

  @Test
  void processesFieldsNeedNoAnnotation() {
    assertAllPassed(TestKit.run(LifecycleFixtures.ProcessesFieldOnly.class), 1);

    assertThat(PIDS).containsKeys("class.processes", "test.processes");
    assertThat(PIDS.values()).allSatisfy(pid -> assertThat(isGone(pid)).isTrue());
  }

  @Test
  void aConstructorParameterProcessLivesForTheTestItsInstanceIsMadeFor() {
    assertAllPassed(TestKit.run(LifecycleFixtures.ConstructorParameter.class), 2);

    assertThat(PIDS.get("ctor.a")).isNotEqualTo(PIDS.get("ctor.b"));
    assertThat(EVENTS).containsExactly("a's process alive in b=false");
    assertThat(isGone(PIDS.get("ctor.b"))).isTrue();
  }

  @Test
  void anExtensionRegisteredTwiceStartsEachProcessOnceAndReportsOnce(@TempDir Path dir)
      throws Exception {
    Path started = dir.resolve("started");
    System.setProperty("junit.process.test.started", started.toString());
    EngineExecutionResults results;
    try {
      results = TestKit.run(LifecycleFixtures.RegisteredTwice.class);
    } finally {
      System.clearProperty("junit.process.test.started");
    }

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    assertThat(TestKit.singleFailure(results).getSuppressed())
        .as("one output report per process in scope")
        .hasSize(2);
    assertThat(Files.readAllLines(started))
        .as("the static process once, the per-test one once per test")
        .hasSize(3)
        .containsExactlyInAnyOrder(
            Long.toString(PIDS.get("twice.shared")),
            Long.toString(PIDS.get("twice.passes")),
            Long.toString(PIDS.get("twice.fails")));
    assertThat(PIDS.values()).allSatisfy(pid -> assertThat(isGone(pid)).isTrue());
  }
}
