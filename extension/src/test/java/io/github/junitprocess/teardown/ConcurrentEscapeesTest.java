package io.github.junitprocess.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.ConcurrentEscapeesFixtures;
import io.github.junitprocess.torture.NothingLeftBehind;
import io.github.junitprocess.torture.ProcessTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A stop's search for descendants that left the tree (by marker and by process group), and the
 * sweep at the end of a test's scope, under JUnit's concurrent mode with same-named processes: each
 * ends all of its own test's escapees, including a child forked while it handles TERM and one
 * without the marker, and none of another test's.
 */
@ExtendWith(NothingLeftBehind.class)
class ConcurrentEscapeesTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"StopInTurn", "StopAtOnce", "EndInTurn"})
  void eachStopEndsItsOwnEscapeesAndNoneOfAnothersTest(String fixture) throws Exception {
    ConcurrentEscapeesFixtures.reset();
    Class<?> fixtureClass =
        Class.forName(ConcurrentEscapeesFixtures.class.getName() + "$" + fixture);

    EngineExecutionResults results = TestKit.run(fixtureClass, TestKit.CONCURRENTLY);

    TestKit.assertAllPassed(results, ConcurrentEscapeesFixtures.TESTS);
    if (!fixture.equals("EndInTurn")) { // there the trap runs after the test, at its scope's end
      assertThat(ConcurrentEscapeesFixtures.TRAP_CHILDREN)
          .as("a child forked by each test's trap")
          .hasSize(ConcurrentEscapeesFixtures.TESTS);
    }
    List<ProcessTable.Seen> all = new ArrayList<>();
    ConcurrentEscapeesFixtures.STARTED.values().forEach(all::addAll);
    assertThat(all).hasSize(4 * ConcurrentEscapeesFixtures.TESTS);
    ProcessTable.assertGoneWithin(all, Duration.ZERO);
    TestKit.assertAllGone(ConcurrentEscapeesFixtures.TRAP_CHILDREN.values());
  }
}
