package io.github.junitprocess;

import static io.github.junitprocess.TestKit.assertAllPassed;
import static io.github.junitprocess.TestKit.isGone;
import static io.github.junitprocess.fixtures.LifecycleFixtures.EVENTS;
import static io.github.junitprocess.fixtures.LifecycleFixtures.PIDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.fixtures.LifecycleFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

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
}
