package io.github.junitprocess.junit;

import static io.github.junitprocess.TestKit.singleFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.ConfigErrorFixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ResourceLock("ConfigErrorFixtures")
class ConfigurationErrorTest {

  @BeforeEach
  void reset() {
    ConfigErrorFixtures.STARTED.clear();
  }

  static Stream<Arguments> misconfigurations() {
    return Stream.of(
        Arguments.of(
            ConfigErrorFixtures.UnsupportedType.class,
            new String[] {
              "field 'wrong'",
              "unsupported type java.lang.String",
              "SpawnedProcess",
              "ProcessResult"
            }),
        Arguments.of(
            ConfigErrorFixtures.BothValueAndJavaMain.class,
            new String[] {"field 'process'", "either value", "not both"}),
        Arguments.of(
            ConfigErrorFixtures.NeitherValueNorJavaMain.class,
            new String[] {"field 'process'", "no command"}),
        Arguments.of(
            ConfigErrorFixtures.UnknownPlaceholder.class,
            new String[] {
              "field 'typo'", "value[1]", "unknown placeholder ${prot}", "${port.NAME}"
            }),
        Arguments.of(
            ConfigErrorFixtures.UnsetEnvPlaceholder.class,
            new String[] {"field 'process'", "JUNIT_PROCESS_SURELY_UNSET_VARIABLE is not set"}),
        Arguments.of(
            ConfigErrorFixtures.BadDuration.class,
            new String[] {
              "field 'process'", "startupTimeout", "invalid duration '10 parsecs'", "500ms"
            }),
        Arguments.of(
            ConfigErrorFixtures.BadEnvEntry.class,
            new String[] {"field 'process'", "env[0]", "NO_EQUALS_SIGN", "KEY=VALUE"}),
        Arguments.of(
            ConfigErrorFixtures.EmptyCommand.class,
            new String[] {"field 'process'", "empty command"}),
        Arguments.of(
            ConfigErrorFixtures.BadRegex.class,
            new String[] {"field 'process'", "readyLine is not a valid regex"}),
        Arguments.of(
            ConfigErrorFixtures.BadReadyPort.class,
            new String[] {"field 'process'", "readyPort", "\"http\""}),
        Arguments.of(
            ConfigErrorFixtures.CheckWithoutNoArgConstructor.class,
            new String[] {"field 'process'", "NeedsArgument needs a no-arg constructor"}),
        Arguments.of(
            ConfigErrorFixtures.FinalField.class,
            new String[] {"field 'process'", "must not be final"}),
        Arguments.of(
            ConfigErrorFixtures.MalformedTtySize.class,
            new String[] {"field 'process'", "ttySize \"80\" is not COLUMNSxROWS", "\"80x24\""}),
        Arguments.of(
            ConfigErrorFixtures.ZeroTtySize.class,
            new String[] {"field 'process'", "ttySize \"0x24\"", "1..65535 columns and rows"}),
        Arguments.of(
            ConfigErrorFixtures.TtySizeWithoutTty.class,
            new String[] {"field 'process'", "ttySize = \"120x40\"", "add tty = true"}),
        Arguments.of(
            ConfigErrorFixtures.PoolOfSizeZero.class,
            new String[] {"field 'pool'", "size must be at least 1"}));
  }

  @ParameterizedTest
  @MethodSource("misconfigurations")
  void misconfigurationFailsBeforeAnythingStarts(Class<?> fixture, String[] messageParts) {
    Throwable failure = singleFailure(TestKit.run(fixture));

    assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
    assertThat(failure.getMessage()).contains(messageParts).contains(fixture.getName());
    assertThat(ConfigErrorFixtures.STARTED).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void unsupportedParameterTypeNamesTheParameter() {
    Throwable failure =
        singleFailure(TestKit.run(ConfigErrorFixtures.UnsupportedParameterType.class));

    assertThat(failure)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("parameter 'wrong'")
        .hasMessageContaining("unsupported type java.lang.Process");
  }
}
