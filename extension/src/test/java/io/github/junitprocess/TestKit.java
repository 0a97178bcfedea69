package io.github.junitprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes through the JUnit Platform Test Kit and inspects real processes. */
public final class TestKit {
  private TestKit() {}

  /**
   * Configuration parameters for running test methods and classes concurrently, four at a time; a
   * fixture that must overlap still meets its peers on a barrier.
   */
  public static final String[] CONCURRENTLY = {
    "junit.jupiter.execution.parallel.enabled", "true",
    "junit.jupiter.execution.parallel.mode.default", "concurrent",
    "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
    "junit.jupiter.execution.parallel.config.strategy", "fixed",
    "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"
  };

  /** Runs {@code fixture} with optional configuration parameters {@code key, value, ...}. */
  public static EngineExecutionResults run(Class<?> fixture, String... config) {
    return run(List.of(fixture), config);
  }

  /**
   * Runs the {@code fixtures} in one engine execution, configured as {@link #run(Class,
   * String...)}.
   */
  public static EngineExecutionResults run(List<Class<?>> fixtures, String... config) {
    EngineTestKit.Builder builder =
        EngineTestKit.engine("junit-jupiter")
            .selectors(
                fixtures.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new));
    for (int i = 0; i + 1 < config.length; i += 2) {
      builder.configurationParameter(config[i], config[i + 1]);
    }
    builder.configurationParameter("junit.process.leaks", "off");
    return builder.execute();
  }

  /** Runs {@code fixture} with file outputs ({@code publishFile}) written below {@code root}. */
  public static EngineExecutionResults runWithOutputs(Class<?> fixture, Path root) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("junit.process.leaks", "off")
        .outputDirectoryCreator(
            new org.junit.platform.engine.OutputDirectoryCreator() {
              @Override
              public Path getRootDirectory() {
                return root;
              }

              @Override
              public Path createOutputDirectory(org.junit.platform.engine.TestDescriptor descriptor)
                  throws IOException {
                return Files.createDirectories(
                    root.resolve(Integer.toHexString(descriptor.getUniqueId().hashCode())));
              }
            })
        .execute();
  }

  /** The throwables of every failed test or container, in event order. */
  public static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().stream()
        .filter(e -> e.getType() == EventType.FINISHED)
        .map(Event::getPayload)
        .flatMap(java.util.Optional::stream)
        .filter(p -> p instanceof org.junit.platform.engine.TestExecutionResult)
        .map(p -> (org.junit.platform.engine.TestExecutionResult) p)
        .map(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.toList());
  }

  /** The failure of the test method named {@code method}; fails when it did not fail. */
  public static Throwable failureOf(EngineExecutionResults results, String method) {
    return results.testEvents().failed().stream()
        .filter(
            e ->
                e.getTestDescriptor()
                    .getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(s -> ((MethodSource) s).getMethodName().equals(method))
                    .orElse(false))
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst()
        .orElseThrow(() -> new AssertionError("test " + method + " did not fail"));
  }

  /** The one failure of a run; fails when there is not exactly one. */
  public static Throwable singleFailure(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    assertThat(failures).as("failures of the fixture run").hasSize(1);
    return failures.get(0);
  }

  /** Asserts the run had only successful tests, at least {@code tests} of them. */
  public static void assertAllPassed(EngineExecutionResults results, int tests) {
    assertThat(failures(results)).as("failures of the fixture run").isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
  }

  /** A process is gone when it does not exist or is a zombie (it runs no code any more). */
  public static boolean isGone(long pid) {
    Path stat = Path.of("/proc/" + pid + "/stat");
    try {
      String s = Files.readString(stat);
      char state = s.charAt(s.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException e) {
      return true;
    }
  }

  /** Asserts every pid is gone (a zombie counts as gone). */
  public static void assertAllGone(java.util.Collection<Long> pids) {
    assertThat(pids).as("processes still running").allMatch(TestKit::isGone);
  }

  /** {@code KEY=VALUE} pairs of a process's environment. */
  public static Map<String, String> environ(long pid) throws IOException {
    String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")));
    return java.util.Arrays.stream(raw.split("\0"))
        .filter(s -> s.contains("="))
        .collect(
            Collectors.toMap(
                s -> s.substring(0, s.indexOf('=')),
                s -> s.substring(s.indexOf('=') + 1),
                (a, b) -> b));
  }
}
