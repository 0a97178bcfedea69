package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.InheritedStaticFieldFixtures;
import io.github.junitprocess.fixtures.InheritedStaticFieldFixtures.FirstSubclass;
import io.github.junitprocess.fixtures.InheritedStaticFieldFixtures.Overlap;
import io.github.junitprocess.fixtures.InheritedStaticFieldFixtures.SecondSubclass;
import io.github.junitprocess.fixtures.InheritedStaticFieldFixtures.ServerBase;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * A static field inherited by two test classes holds one process at a time: when the classes run at
 * the same time, the second fails before anything is started for it and the first keeps its
 * process; one after the other, each class gets its own.
 */
@ExtendWith(NothingLeftBehind.class)
class InheritedStaticFieldTest {
  private static final List<Class<?>> BOTH = List.of(FirstSubclass.class, SecondSubclass.class);

  private Path spawnLog;

  @BeforeEach
  void setUp(@TempDir Path dir) {
    spawnLog = dir.resolve("spawned");
    System.setProperty(InheritedStaticFieldFixtures.SPAWN_LOG, spawnLog.toString());
    InheritedStaticFieldFixtures.SEEN_AT_START.clear();
    InheritedStaticFieldFixtures.SEEN_AT_END.clear();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(InheritedStaticFieldFixtures.SPAWN_LOG);
    Overlap.classesStarting = null;
  }

  @Test
  void aSecondClassRunningAtTheSameTimeFailsAndLeavesTheFirstAlone() throws IOException {
    Overlap.classesStarting = new CyclicBarrier(2);
    Overlap.otherClassEnded = new CountDownLatch(1);

    EngineExecutionResults results = TestKit.run(BOTH, TestKit.CONCURRENTLY);

    List<Event> failedClasses = results.containerEvents().failed().list();
    assertThat(failedClasses).as("failed classes").hasSize(1);
    Class<?> loser = classOf(failedClasses.get(0));
    Class<?> winner = loser == FirstSubclass.class ? SecondSubclass.class : FirstSubclass.class;
    assertThat(TestKit.singleFailure(results))
        .isExactlyInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "static field 'server' in "
                + ServerBase.class.getName()
                + " is inherited by "
                + winner.getName()
                + " and "
                + loser.getName()
                + ", which run at the same time; one static field can hold only one process, and "
                + winner.getName()
                + " is using it. Nothing was started for "
                + loser.getName()
                + ". Declare the field in each test class, make it an instance field, or share one"
                + " process for the whole run with share = RUN");
    assertThat(results.testEvents().succeeded().count()).as("the winner's test passed").isOne();

    List<Long> spawned = spawnedPids();
    assertThat(spawned).as("processes started for the field").hasSize(1);
    assertThat(InheritedStaticFieldFixtures.SEEN_AT_START).containsOnlyKeys(winner);
    assertThat(InheritedStaticFieldFixtures.SEEN_AT_START.get(winner))
        .as("the winner's process, when its test started")
        .isEqualTo(spawned.get(0));
    assertThat(InheritedStaticFieldFixtures.SEEN_AT_END.get(winner))
        .as("the winner's process, after the loser failed")
        .isEqualTo(spawned.get(0));
    TestKit.assertAllGone(spawned);
  }

  @Test
  void classesRunningOneAfterTheOtherEachGetTheirOwnProcess() throws IOException {
    Overlap.otherClassEnded = new CountDownLatch(0);

    EngineExecutionResults results = TestKit.run(BOTH);

    TestKit.assertAllPassed(results, 2);
    List<Long> spawned = spawnedPids();
    assertThat(spawned).as("processes started for the field").hasSize(2).doesNotHaveDuplicates();
    assertThat(InheritedStaticFieldFixtures.SEEN_AT_START)
        .containsOnlyKeys(BOTH)
        .containsValues(spawned.get(0), spawned.get(1));
    assertThat(InheritedStaticFieldFixtures.SEEN_AT_END)
        .isEqualTo(InheritedStaticFieldFixtures.SEEN_AT_START);
    TestKit.assertAllGone(spawned);
  }

  private List<Long> spawnedPids() throws IOException {
    if (!Files.exists(spawnLog)) {
      return List.of();
    }
    return Files.readAllLines(spawnLog).stream().map(Long::parseLong).collect(Collectors.toList());
  }

  private static Class<?> classOf(Event event) {
    return event
        .getTestDescriptor()
        .getSource()
        .filter(ClassSource.class::isInstance)
        .map(s -> ((ClassSource) s).getJavaClass())
        .orElseThrow();
  }
}
