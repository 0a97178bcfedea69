package io.github.junitprocess.internal;

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
 * A fully resolved process definition: placeholders expanded, defaults applied, paths absolute.
 * Built from an annotation ({@link AnnotationPlans}) or a {@code ProcessSpec} ({@link SpecPlans});
 * the launcher needs nothing else.
 */
final class LaunchPlan {
  String name;

  /** The name is a parameter's {@code arg0}: the class was compiled without -parameters. */
  boolean syntheticName;

  List<String> command = new ArrayList<>();
  final Map<String, String> env = new LinkedHashMap<>();
  final Set<String> removedEnv = new LinkedHashSet<>();
  boolean inheritEnv = true;
  Path workingDir;

  /** A directory made for this process ({@code ${tempDir}}), deleted after it stops. */
  Path tempDir;

  Path stdin;
  byte[] input;

  /** Close stdin right after start (runs to completion). */
  boolean closeStdin;

  Pattern readyLine;
  int readyPort;
  ReadinessCheck readyCheck;

  Duration startupTimeout;
  Signal stopSignal = Signal.TERM;
  Duration stopTimeout;
  boolean mergeStderr;

  Consumer<String> stdoutListener;
  Consumer<String> stderrListener;

  /** {@code ${port}} of this process (a spec's readyPort), or null when it has none. */
  IntSupplier port;

  /** Made from a {@code ProcessSpec}, whose strings are literal: it has no {@code ${port}}. */
  boolean fromSpec;

  /** {@code ${port.NAME}} lookup in the scope the process belongs to. */
  ToIntFunction<String> namedPorts;

  /** Where the log files go. */
  Path logDir;

  /** Start in a new session / process group (long-running processes). */
  boolean ownGroup = true;

  boolean hasReadiness() {
    return readyLine != null || readyPort > 0 || readyCheck != null;
  }
}
