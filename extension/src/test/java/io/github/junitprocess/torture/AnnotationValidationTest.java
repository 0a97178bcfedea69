package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.torture.fixtures.BadAnnotationFixtures;
import io.github.junitprocess.torture.fixtures.BadAnnotationFixtures.StartsFirst;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Every mistake in an annotation member fails with a message that names the element and says what
 * is wrong, quickly, and (for mistakes the extension can see) before any process of the scope
 * starts. Mistakes only the operating system can tell fail as {@link ProcessStartException}.
 */
@ExtendWith(NothingLeftBehind.class)
class AnnotationValidationTest {
  private static final String CONFIG =
      "org.junit.jupiter.api.extension.ExtensionConfigurationException";

  @TempDir Path dir;
  private Path marker;

  @BeforeEach
  void setProperties() throws Exception {
    marker = dir.resolve("started");
    System.setProperty(BadAnnotationFixtures.MARKER, marker.toString());
    Path plain = Files.writeString(dir.resolve("plain.txt"), "not a program");
    Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
    System.setProperty(BadAnnotationFixtures.NOT_EXECUTABLE, plain.toString());
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty(BadAnnotationFixtures.MARKER);
    System.clearProperty(BadAnnotationFixtures.NOT_EXECUTABLE);
  }

  static Stream<Arguments> configurationMistakes() {
    return Stream.of(
        arguments(
            BadAnnotationFixtures.ValueAndJavaMain.class,
            "set either value (a command) or javaMain (a main class), not both"),
        arguments(BadAnnotationFixtures.NoCommand.class, "no command: set value"),
        arguments(
            BadAnnotationFixtures.BlankProgram.class,
            "empty command: value[0] must name the program"),
        arguments(
            BadAnnotationFixtures.JvmArgsWithoutJavaMain.class, "jvmArgs only apply with javaMain"),
        arguments(
            BadAnnotationFixtures.UnknownPlaceholder.class,
            "args[1]: unknown placeholder ${nope}; known: ${port}"),
        arguments(
            BadAnnotationFixtures.UnclosedPlaceholder.class,
            "workingDir: unclosed placeholder at '${tempDir'"),
        arguments(
            BadAnnotationFixtures.EnvWithoutEquals.class, "env[1] = \"NOEQUALS\" is not KEY=VALUE"),
        arguments(
            BadAnnotationFixtures.EnvWithoutKey.class, "env[0] = \"=value\" is not KEY=VALUE"),
        arguments(
            BadAnnotationFixtures.UnsetEnvPlaceholder.class,
            "environment variable JUNIT_PROCESS_SURELY_UNSET is not set"),
        arguments(
            BadAnnotationFixtures.UnsetSysPlaceholder.class,
            "system property junit.process.surely.unset is not set"),
        arguments(
            BadAnnotationFixtures.InvalidPlaceholderName.class,
            "invalid name in placeholder ${port.a b}"),
        arguments(
            BadAnnotationFixtures.BadReadyLine.class,
            "readyLine is not a valid regex: Unclosed group near index 9\n(unclosed"),
        arguments(
            BadAnnotationFixtures.ReadyCheckAbstract.class,
            "readyCheck "
                + BadAnnotationFixtures.ReadyCheckAbstract.Abstract.class.getName()
                + " is abstract; give a concrete class"),
        arguments(
            BadAnnotationFixtures.ReadyPortNotANumber.class,
            "readyPort must be \"${port}\", \"${port.NAME}\" or 1..65535, was \"http\""),
        arguments(BadAnnotationFixtures.ReadyPortZero.class, "or 1..65535, was \"0\""),
        arguments(BadAnnotationFixtures.ReadyPortTooLarge.class, "or 1..65535, was \"65536\""),
        arguments(
            BadAnnotationFixtures.ReadyCheckWithoutNoArgConstructor.class,
            "NeedsAnArgument needs a no-arg constructor"),
        arguments(
            BadAnnotationFixtures.ReadyCheckInnerClass.class,
            "needs a no-arg constructor (make the nested class static)"),
        arguments(
            BadAnnotationFixtures.StartupTimeoutNotADuration.class,
            "startupTimeout: invalid duration 'soon'"),
        arguments(
            BadAnnotationFixtures.StartupTimeoutZero.class, "startupTimeout: must be positive"),
        arguments(
            BadAnnotationFixtures.StartupTimeoutNegative.class,
            "startupTimeout: invalid duration '-1s'"),
        arguments(
            BadAnnotationFixtures.StopTimeoutNotADuration.class,
            "stopTimeout: invalid duration '10 parsecs'"),
        arguments(
            BadAnnotationFixtures.UnsupportedType.class,
            "unsupported type java.lang.String; supported types are SpawnedProcess"),
        arguments(BadAnnotationFixtures.FinalField.class, "must not be final"),
        arguments(
            BadAnnotationFixtures.SpawnAndPool.class, "has both @SpawnProcess and @ProcessPool"),
        arguments(BadAnnotationFixtures.PoolSizeZero.class, "size must be at least 1, was 0"),
        arguments(BadAnnotationFixtures.NulInProgram.class, "value[0]: contains a NUL character"),
        arguments(
            BadAnnotationFixtures.NulInWorkingDir.class, "workingDir: contains a NUL character"),
        arguments(BadAnnotationFixtures.NulInEnvValue.class, "env: contains a NUL character"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurationMistakes")
  void aConfigurationMistakeFailsBeforeAnythingStarts(
      Class<? extends StartsFirst> fixture, String expected) {
    Throwable failure = onlyFailure(run(fixture));

    assertThat(failure.getClass().getName()).as(describe(failure)).isEqualTo(CONFIG);
    assertThat(failure.getMessage())
        .contains("field 'p' in " + fixture.getName())
        .contains(expected);
    assertThat(marker).as("the valid process declared first never started").doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("osMistakes")
  void aMistakeOnlyTheSystemCanTellFailsAsAStartFailure(Class<?> fixture, String expected) {
    Throwable failure = onlyFailure(run(fixture));

    assertThat(failure).as(describe(failure)).isInstanceOf(ProcessStartException.class);
    assertThat(failure.getMessage()).contains("Cannot start process 'p'", expected);
  }

  static Stream<Arguments> osMistakes() {
    return Stream.of(
        arguments(
            BadAnnotationFixtures.MissingWorkingDir.class, "the working directory does not exist"),
        arguments(
            BadAnnotationFixtures.MissingStdinFile.class,
            "the stdin file /no/such/file does not exist"),
        arguments(
            BadAnnotationFixtures.StdinIsADirectory.class, "the stdin file /tmp is a directory"),
        arguments(
            BadAnnotationFixtures.ProgramNotOnPath.class,
            "command 'junit-process-no-such-program' not found on PATH"),
        arguments(BadAnnotationFixtures.ProgramIsADirectory.class, "/tmp is a directory"),
        arguments(BadAnnotationFixtures.ProgramNotExecutable.class, "plain.txt is not executable"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurationMistakes")
  void mistakesAreReportedQuickly(Class<?> fixture) {
    long t0 = System.nanoTime();
    run(fixture);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aBadParameterIsNamed() {
    Throwable failure = onlyFailure(run(BadAnnotationFixtures.BadParameter.class));

    assertThat(failure.getClass().getName()).as(describe(failure)).isEqualTo(CONFIG);
    assertThat(failure.getMessage())
        .contains(
            "@SpawnProcess on parameter 'p' of "
                + BadAnnotationFixtures.BadParameter.class.getName()
                + ".test()")
        .contains("was \"-5\"");
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures =
        results.allEvents().failed().stream()
            .map(Event::getPayload)
            .map(
                p ->
                    p.map(TestExecutionResult.class::cast)
                        .flatMap(TestExecutionResult::getThrowable))
            .flatMap(Optional::stream)
            .collect(Collectors.toList());
    assertThat(failures).hasSize(1);
    return failures.get(0);
  }

  private static String describe(Throwable t) {
    return t + (t.getCause() == null ? "" : " caused by " + t.getCause());
  }
}
