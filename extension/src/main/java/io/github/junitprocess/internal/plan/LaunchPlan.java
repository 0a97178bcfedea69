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
 * A fully resolved process definition: placeholders expanded, defaults applied, paths absolute.
 * Built from an annotation ({@link AnnotationPlans}) or a {@code ProcessSpec} ({@link SpecPlans});
 * the launcher needs nothing else.
 */
public final class LaunchPlan {
  public String name;

  /** The name is a parameter's {@code arg0}: the class was compiled without -parameters. */
  public boolean syntheticName;

  public List<String> command = new ArrayList<>();
  public final Map<String, String> env = new LinkedHashMap<>();
  public final Set<String> removedEnv = new LinkedHashSet<>();
  public boolean inheritEnv = true;
  public Path workingDir;

  /** A directory made for this process ({@code ${tempDir}}), deleted after it stops. */
  public Path tempDir;

  public Path stdin;
  public byte[] input;

  /** Close stdin right after start (runs to completion). */
  public boolean closeStdin;

  public Pattern readyLine;
  public int readyPort;
  public ReadinessCheck readyCheck;

  public Duration startupTimeout;
  public Signal stopSignal = Signal.TERM;
  public Duration stopTimeout;
  public boolean mergeStderr;

  public Consumer<String> stdoutListener;
  public Consumer<String> stderrListener;

  /** {@code ${port}} of this process (a spec's readyPort), or null when it has none. */
  public IntSupplier port;

  /** Made from a {@code ProcessSpec}, whose strings are literal: it has no {@code ${port}}. */
  public boolean fromSpec;

  /** {@code ${port.NAME}} lookup in the scope the process belongs to. */
  public ToIntFunction<String> namedPorts;

  /** Where the log files go. */
  public Path logDir;

  /** Start in a new session / process group (long-running processes). */
  public boolean ownGroup = true;

  public boolean hasReadiness() {
    return readyLine != null || readyPort > 0 || readyCheck != null;
  }
}
