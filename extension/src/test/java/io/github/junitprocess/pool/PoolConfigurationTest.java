package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.pool.fixtures.PoolConfigurationFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A misconfigured pool fails before anything starts, naming the element and the member. */
class PoolConfigurationTest {

  static List<Arguments> mistakes() {
    String field = "@ProcessPool on field 'pool' in " + PoolConfigurationFixtures.class.getName();
    return List.of(
        Arguments.of(
            PoolConfigurationFixtures.SizeZero.class,
            field + "$SizeZero: size must be at least 1, was 0"),
        Arguments.of(
            PoolConfigurationFixtures.NegativeMaxUses.class,
            field + "$NegativeMaxUses: maxUses must be 0 (unlimited) or more, was -1"),
        Arguments.of(
            PoolConfigurationFixtures.ReadyLineWithoutCommand.class,
            field
                + "$ReadyLineWithoutCommand: readyLine, maxUses apply to the workers of a warm"
                + " pool, but no worker command is given"),
        Arguments.of(
            PoolConfigurationFixtures.ValueAndJavaMain.class,
            field + "$ValueAndJavaMain: set either value (a command) or javaMain"),
        Arguments.of(
            PoolConfigurationFixtures.WrongType.class,
            field
                + "$WrongType: unsupported type java.lang.Object; the supported type is"
                + " WorkerPool"),
        Arguments.of(
            PoolConfigurationFixtures.BadTimeout.class, field + "$BadTimeout: startupTimeout: "),
        Arguments.of(
            PoolConfigurationFixtures.BadParameter.class,
            "@ProcessPool on parameter 'tasks' of "
                + PoolConfigurationFixtures.BadParameter.class.getName()
                + ".neverRuns(): size must be at least 1, was -2"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void isReportedAsAConfigurationError(Class<?> fixture, String expected) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();

    List<Event> failed = results.allEvents().failed().list();
    assertThat(failed).hasSize(1);
    Throwable failure =
        failed.get(0).getPayload(TestExecutionResult.class).flatMap(r -> r.getThrowable()).get();
    Throwable config =
        failure instanceof ExtensionConfigurationException ? failure : failure.getCause();
    assertThat(config)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(expected);
    results.testEvents().assertStatistics(stats -> stats.succeeded(0));
  }

  @Test
  void aTimeoutThatIsNotADurationSaysWhy() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(PoolConfigurationFixtures.BadTimeout.class))
            .execute();

    Throwable failure =
        results
            .allEvents()
            .failed()
            .list()
            .get(0)
            .getPayload(TestExecutionResult.class)
            .get()
            .getThrowable()
            .get();
    assertThat(failure).hasMessageContaining("soon");
  }
}
