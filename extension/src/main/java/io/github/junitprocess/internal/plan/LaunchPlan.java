package io.github.junitprocess.internal.plan;

import io.github.junitprocess.ReadinessCheck;
import io.github.junitprocess.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * A fully resolved process definition: placeholders expanded, defaults applied, paths absolute;
 * immutable. Made by one pipeline for annotations ({@link AnnotationPlans}), specs and pool tasks
 * ({@link SpecPlans}): each fills a {@link Builder}, then {@link Builder#build} applies the
 * defaults of the run's settings. The launcher needs nothing else.
 *
 * @param name the name in messages, log files and {@code ${port.NAME}}
 * @param syntheticName the name is a parameter's {@code arg0}: compiled without -parameters
 * @param tempDir a directory made for this process ({@code ${tempDir}}), deleted after it stops
 * @param closeStdin close stdin right after start (runs to completion)
 * @param port {@code ${port}} of this process (a spec's readyPort), or null when it has none
 * @param fromSpec made from a {@code ProcessSpec}, whose strings are literal
 * @param namedPorts {@code ${port.NAME}} lookup in the scope the process belongs to
 * @param logDir where the log files go, or null without log files
 * @param ownGroup start in a new session / process group (long-running processes)
 * @param usedPorts the {@code ${port.NAME}} placeholders its definition used, by name
 * @param terminal the pseudo-terminal it runs on (terminal mode), or null for pipes
 * @param childJvm a {@code javaMain} or {@code ProcessSpec.java} plan: a JVM that can dump threads
 * @param debugPort the port a child JVM's debugger attaches to ({@code junit.process.java.debug}),
 *     0 for none; such a child starts suspended and its startup timeout does not run
 * @param echo its lines are printed live on the test JVM's stdout
 */
public record LaunchPlan(
    String name,
    boolean syntheticName,
    List<String> command,
    Map<String, String> env,
    Set<String> removedEnv,
    boolean inheritEnv,
    Path workingDir,
    Path tempDir,
    Path stdin,
    byte[] input,
    boolean closeStdin,
    Pattern readyLine,
    int readyPort,
    ReadinessCheck readyCheck,
    Duration startupTimeout,
    Signal stopSignal,
    Duration stopTimeout,
    boolean mergeStderr,
    Consumer<String> stdoutListener,
    Consumer<String> stderrListener,
    IntSupplier port,
    boolean fromSpec,
    ToIntFunction<String> namedPorts,
    Path logDir,
    boolean ownGroup,
    Map<String, Integer> usedPorts,
    Terminal terminal,
    boolean childJvm,
    int debugPort,
    boolean echo) {

  public LaunchPlan {
    command = List.copyOf(command);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    removedEnv = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(removedEnv));
    usedPorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(usedPorts));
  }

  public boolean hasReadiness() {
    return readyLine != null || readyPort > 0 || readyCheck != null;
  }

  /**
   * A plan under construction, filled by the planners of this room. Members left unset get the
   * defaults of the settings in {@link #build}: the startup and stop timeouts, the log dir; a plan
   * run to completion closes stdin at once unless it has a stdin file or input, and runs in its
   * parent's process group.
   */
  static final class Builder {
    String name;
    boolean syntheticName;
    List<String> command = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final Set<String> removedEnv = new LinkedHashSet<>();
    boolean inheritEnv = true;
    Path workingDir;
    Path tempDir;
    Path stdin;
    byte[] input;
    Pattern readyLine;
    int readyPort;
    ReadinessCheck readyCheck;
    Duration startupTimeout;
    Signal stopSignal = Signal.TERM;
    Duration stopTimeout;
    boolean mergeStderr;
    Consumer<String> stdoutListener;
    Consumer<String> stderrListener;
    IntSupplier port;
    boolean fromSpec;
    ToIntFunction<String> namedPorts;
    final Map<String, Integer> usedPorts = new LinkedHashMap<>();
    Terminal terminal;

    /** A child JVM: its command is made in {@link #build}, with what it inherits. */
    Class<?> javaMain;

    List<String> jvmArgs = List.of();
    List<String> mainArgs = List.of();
    boolean echo;

    /** Makes this a child JVM running {@code main}; the command is made in {@link #build}. */
    void java(Class<?> main, List<String> jvmArgs, List<String> args) {
      this.javaMain = main;
      this.jvmArgs = List.copyOf(jvmArgs);
      this.mainArgs = List.copyOf(args);
    }

    /**
     * The plan, with the defaults of the settings of {@code context} for whatever was left unset,
     * and its log files in the scope's log dir (none when log files are off).
     */
    LaunchPlan build(PlanContext context, boolean runToCompletion) {
      ProcessConfig config = context.config();
      int debugPort = 0;
      if (javaMain != null) {
        List<String> options =
            new ArrayList<>(
                ChildJvm.inherited(
                    javaMain, jvmArgs, config.javaCoverage(), ChildJvm.testJvmArguments()));
        if (config.javaDebug().selects(name)) {
          debugPort = config.javaDebug().port(name).orElseGet(FreePorts::next);
          options.add(ChildJvm.debugAgent(debugPort));
        }
        options.addAll(jvmArgs);
        command = JavaCommand.command(javaMain, options, mainArgs);
      }
      return new LaunchPlan(
          name,
          syntheticName,
          command,
          env,
          removedEnv,
          inheritEnv,
          workingDir != null ? workingDir : Path.of("").toAbsolutePath(),
          tempDir,
          stdin,
          input,
          runToCompletion && stdin == null && input == null,
          readyLine,
          readyPort,
          readyCheck,
          startupTimeout != null ? startupTimeout : config.startupTimeout(),
          stopSignal,
          stopTimeout != null ? stopTimeout : config.stopTimeout(),
          mergeStderr,
          stdoutListener,
          stderrListener,
          port,
          fromSpec,
          namedPorts,
          config.logEnabled() ? context.logDir() : null,
          !runToCompletion,
          usedPorts,
          terminal,
          javaMain != null,
          debugPort,
          echo || config.echo().selects(name));
    }
  }
}
