package io.github.junitprocess.internal.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child JVM inherits from the test JVM (API §13): the JaCoCo agent, so that the coverage
 * report counts what the children ran, and the assertion status. These options come before the
 * user's own {@code jvmArgs}, which therefore win ({@code -da} there turns assertions off again).
 *
 * <p>Detection is a pure function of the test JVM's input arguments, so that it can be tested with
 * any argument list; {@link #testJvmArguments()} reads the real ones once.
 */
public final class ChildJvm {
  /** {@code -javaagent:JAR[=OPTIONS]} naming JaCoCo's agent as prepare-agent or a user sets it. */
  private static final Pattern JACOCO_AGENT =
      Pattern.compile(
          "-javaagent:(?<jar>(?:.*[/\\\\])?(?:org\\.jacoco\\.agent-[^/\\\\]*-runtime|jacocoagent)"
              + "\\.jar)(?:=(?<options>.*))?");

  private static volatile List<String> testJvmArguments;

  private ChildJvm() {}

  /**
   * The options a child JVM gets before its own {@code jvmArgs}: the test JVM's JaCoCo agent (with
   * {@code coverage} and unless {@code jvmArgs} has one), {@code -ea} when {@code main} has
   * assertions enabled in the test JVM.
   */
  public static List<String> inherited(
      Class<?> main, List<String> jvmArgs, boolean coverage, List<String> testJvmArguments) {
    List<String> options = new ArrayList<>(2);
    if (coverage && jvmArgs.stream().noneMatch(a -> JACOCO_AGENT.matcher(a).matches())) {
      jacocoAgent(testJvmArguments, Path.of("").toAbsolutePath()).ifPresent(options::add);
    }
    if (assertionsEnabled(main)) {
      options.add("-ea");
    }
    return options;
  }

  /**
   * JDWP listening on {@code 127.0.0.1:port}, suspended until a debugger attaches and resumes it.
   */
  static String debugAgent(int port) {
    return "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + port;
  }

  /**
   * Whether the test JVM runs {@code main} with assertions: by {@code -ea} on its command line, or
   * as Surefire does by default, through the default assertion status of the class loader (which no
   * JVM argument shows). {@link Class#desiredAssertionStatus()} answers both, as the JVM itself
   * would decide for that class now.
   */
  static boolean assertionsEnabled(Class<?> main) {
    return main.desiredAssertionStatus();
  }

  /**
   * The {@code -javaagent:} argument that gives a child the JaCoCo agent of the test JVM whose
   * input arguments are {@code arguments} and working directory {@code cwd}: the same jar and
   * options, the jar and {@code destfile} made absolute (a child may run elsewhere), {@code
   * append=true} forced (the agent then locks the file while it writes, so children writing at the
   * same time never corrupt it). Empty without a JaCoCo agent, or when its output cannot be shared:
   * {@code output=tcpserver} (each child would need the same port) or {@code output=none}.
   */
  public static Optional<String> jacocoAgent(List<String> arguments, Path cwd) {
    for (String argument : arguments) {
      Matcher m = JACOCO_AGENT.matcher(argument);
      if (!m.matches()) {
        continue;
      }
      Map<String, String> options = options(m.group("options"));
      String output = options.getOrDefault("output", "file");
      if (output.equals("tcpserver") || output.equals("none")) {
        return Optional.empty();
      }
      if (output.equals("file")) {
        options.put(
            "destfile",
            cwd.resolve(options.getOrDefault("destfile", "jacoco.exec")).normalize().toString());
        options.put("append", "true");
      }
      StringBuilder agent =
          new StringBuilder("-javaagent:")
              .append(cwd.resolve(m.group("jar")).normalize())
              .append('=');
      options.forEach((k, v) -> agent.append(k).append('=').append(v).append(','));
      agent.setLength(agent.length() - 1);
      return Optional.of(agent.toString());
    }
    return Optional.empty();
  }

  private static Map<String, String> options(String text) {
    Map<String, String> options = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return options;
    }
    for (String option : text.split(",")) {
      int eq = option.indexOf('=');
      if (eq > 0) {
        options.put(option.substring(0, eq).strip(), option.substring(eq + 1));
      }
    }
    return options;
  }

  /**
   * The test JVM's input arguments (the options before the main class), read once: from the runtime
   * MXBean when {@code java.management} is there, else from the process's command line.
   */
  public static List<String> testJvmArguments() {
    List<String> args = testJvmArguments;
    if (args == null) {
      args = readTestJvmArguments();
      testJvmArguments = args;
    }
    return args;
  }

  private static List<String> readTestJvmArguments() {
    try {
      return List.copyOf(
          java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    } catch (LinkageError | RuntimeException e) {
      // java.management not in the module graph: the command line holds the same options
      return ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    }
  }
}
