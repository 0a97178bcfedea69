package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.ScopeIsolationFixtures;
import io.github.junitprocess.fixtures.ScopeIsolationFixtures.Answer;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Named ports belong to the scope that first uses them: tests and classes running at the same time,
 * whose processes have the same name (the usual case with a custom annotation), each talk to their
 * own server; a class's named port is seen by its tests and {@code @Nested} classes, and a test's
 * own process of that name shadows it.
 */
@ExtendWith(NothingLeftBehind.class)
class ScopeIsolationTest {

  @BeforeEach
  void clearAnswers() {
    ScopeIsolationFixtures.ANSWERS.clear();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      classes = {
        ScopeIsolationFixtures.ParameterServers.class,
        ScopeIsolationFixtures.ParameterServersReadyByLine.class,
        ScopeIsolationFixtures.FieldServers.class
      })
  void concurrentTestsWithSameNamedServersEachTalkToTheirOwn(Class<?> fixture) {
    ScopeIsolationFixtures.allServersUp = new CyclicBarrier(3);

    EngineExecutionResults results = TestKit.run(fixture, TestKit.CONCURRENTLY);

    TestKit.assertAllPassed(results, 3);
    assertEachTalkedToItsOwnServer(3);
  }

  @Test
  void concurrentClassesWithSameNamedStaticServersEachTalkToTheirOwn() {
    ScopeIsolationFixtures.allServersUp = new CyclicBarrier(2);

    EngineExecutionResults results =
        TestKit.run(
            List.of(
                ScopeIsolationFixtures.FirstClassWithAServer.class,
                ScopeIsolationFixtures.SecondClassWithAServer.class),
            TestKit.CONCURRENTLY);

    TestKit.assertAllPassed(results, 2);
    assertEachTalkedToItsOwnServer(2);
  }

  @Test
  void testsAndNestedClassesSeeTheClasssNamedPortUnlessTheyShadowIt() {
    EngineExecutionResults results = TestKit.run(ScopeIsolationFixtures.ClassScope.class);

    TestKit.assertAllPassed(results, 3);
  }

  private static void assertEachTalkedToItsOwnServer(int servers) {
    List<Answer> answers = ScopeIsolationFixtures.ANSWERS;
    assertThat(answers).hasSize(servers);
    assertThat(answers)
        .allSatisfy(
            a ->
                assertThat(a.answeredBy())
                    .as("who answered on %s's port", a.test())
                    .isEqualTo(a.pid()));
    assertThat(answers.stream().map(Answer::port).distinct()).as("ports").hasSize(servers);
    assertThat(answers.stream().map(Answer::pid).distinct()).as("servers").hasSize(servers);
  }
}
