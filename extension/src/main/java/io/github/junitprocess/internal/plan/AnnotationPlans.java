package io.github.junitprocess.internal.plan;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ReadinessCheck;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.teardown.TempDirs;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns {@link SpawnProcess} and {@link ProcessPool} annotations into {@link LaunchPlan}s. Every
 * member is checked before anything is allocated or started; a mistake raises {@link
 * ExtensionConfigurationException} naming the annotated element and the member.
 */
public final class AnnotationPlans {
  /** Why a string with {@code \0} is refused: the OS would cut or reject it. */
  static final String NUL_MESSAGE =
      "contains a NUL character (\\0), which no command line, path or environment variable can"
          + " hold";

  private AnnotationPlans() {}

  /** The members shared by both annotations. */
  public static final class Members {
    String[] value = {};
    Class<?> javaMain = void.class;
    String[] jvmArgs = {};
    String[] args = {};
    String[] env = {};
    boolean inheritEnv = true;
    String workingDir = "";
    String stdin = "";
    public String name = "";
    String readyLine = "";
    String readyPort = "";
    Class<? extends ReadinessCheck> readyCheck = ReadinessCheck.class;
    String startupTimeout = "";
    io.github.junitprocess.Signal stopSignal = io.github.junitprocess.Signal.TERM;
    String stopTimeout = "";
    boolean mergeStderr;
    boolean tty;
    String ttySize = Terminal.DEFAULT_SIZE;

    /** The names of the processes that must be ready before this one is spawned. */
    public String[] dependsOn = {};

    /** The element's own name is the compiler's {@code arg0} (no -parameters). */
    public boolean syntheticName;
  }

  /**
   * The members of a {@link SpawnProcess} or {@link ProcessPool}, read by name, so that both
   * annotations take one path; a member the annotation does not have (a pool has no {@code stdin},
   * {@code readyCheck}, {@code stopSignal}, {@code mergeStderr}, {@code tty}) keeps its default.
   */
  public static Members of(Annotation a) {
    Members m = new Members();
    m.value = member(a, "value", m.value);
    m.javaMain = member(a, "javaMain", m.javaMain);
    m.jvmArgs = member(a, "jvmArgs", m.jvmArgs);
    m.args = member(a, "args", m.args);
    m.env = member(a, "env", m.env);
    m.inheritEnv = member(a, "inheritEnv", m.inheritEnv);
    m.workingDir = member(a, "workingDir", m.workingDir);
    m.stdin = member(a, "stdin", m.stdin);
    m.name = member(a, "name", m.name);
    m.readyLine = member(a, "readyLine", m.readyLine);
    m.readyPort = member(a, "readyPort", m.readyPort);
    m.readyCheck = member(a, "readyCheck", m.readyCheck);
    m.startupTimeout = member(a, "startupTimeout", m.startupTimeout);
    m.stopSignal = member(a, "stopSignal", m.stopSignal);
    m.stopTimeout = member(a, "stopTimeout", m.stopTimeout);
    m.mergeStderr = member(a, "mergeStderr", m.mergeStderr);
    m.tty = member(a, "tty", m.tty);
    m.ttySize = member(a, "ttySize", m.ttySize);
    m.dependsOn = member(a, "dependsOn", m.dependsOn);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static <T> T member(Annotation a, String member, T fallback) {
    Method method;
    try {
      method = a.annotationType().getMethod(member);
    } catch (NoSuchMethodException e) {
      return fallback;
    }
    try {
      return (T) method.invoke(a);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + member + " of " + a, e);
    }
  }

  /** Checks the members without side effects; {@code requireCommand} for @SpawnProcess. */
  public static void validate(
      Members m, String annotation, String element, boolean requireCommand) {
    String where = "@" + annotation + " on " + element;
    boolean hasValue = m.value.length > 0;
    boolean hasMain = m.javaMain != void.class;
    if (hasValue && hasMain) {
      throw error(where, "set either value (a command) or javaMain (a main class), not both");
    }
    if (requireCommand && !hasValue && !hasMain) {
      throw error(where, "no command: set value (e.g. {\"sleep\", \"10\"}) or javaMain");
    }
    if (hasValue && m.value[0].isBlank()) {
      throw error(where, "empty command: value[0] must name the program to run");
    }
    if (!hasMain && m.jvmArgs.length > 0) {
      throw error(where, "jvmArgs only apply with javaMain");
    }
    checkStrings(where, "value", m.value);
    checkStrings(where, "jvmArgs", m.jvmArgs);
    checkStrings(where, "args", m.args);
    checkStrings(where, "env", m.env);
    for (int i = 0; i < m.env.length; i++) {
      int eq = m.env[i].indexOf('=');
      if (eq <= 0) {
        throw error(where, "env[" + i + "] = \"" + m.env[i] + "\" is not KEY=VALUE");
      }
    }
    checkStrings(where, "workingDir", m.workingDir);
    checkStrings(where, "stdin", m.stdin);
    checkStrings(where, "readyPort", m.readyPort);
    if (!m.readyLine.isEmpty()) {
      try {
        Pattern.compile(m.readyLine);
      } catch (PatternSyntaxException e) {
        throw error(where, "readyLine is not a valid regex: " + e.getMessage());
      }
    }
    String port = m.readyPort.strip();
    if (!port.isEmpty() && !port.contains("${")) {
      parsePort(where, port);
    }
    duration(where, "startupTimeout", m.startupTimeout);
    duration(where, "stopTimeout", m.stopTimeout);
    if (m.readyCheck != ReadinessCheck.class) {
      constructor(where, m.readyCheck);
    }
    for (int i = 0; i < m.dependsOn.length; i++) {
      if (m.dependsOn[i].isBlank()) {
        throw error(where, "dependsOn[" + i + "] is empty: give the name of a process to wait for");
      }
    }
    terminal(where, m);
  }

  /** The terminal of {@code tty = true}, sized by {@code ttySize}; null without a terminal. */
  private static Terminal terminal(String where, Members m) {
    Terminal size;
    try {
      size = Terminal.parse(m.ttySize);
    } catch (IllegalArgumentException e) {
      throw error(where, "ttySize " + e.getMessage());
    }
    if (!m.tty && !size.toString().equals(Terminal.DEFAULT_SIZE)) {
      throw error(
          where,
          "ttySize = \"" + m.ttySize + "\" sizes a terminal, but tty is false: add tty = true");
    }
    return m.tty ? size : null;
  }

  private static void checkStrings(String where, String member, String... values) {
    for (int i = 0; i < values.length; i++) {
      String which =
          values.length == 1 && !member.equals("value") ? member : member + "[" + i + "]";
      if (values[i].indexOf('\0') >= 0) {
        throw error(where, which + ": " + NUL_MESSAGE);
      }
      try {
        Placeholders.check(values[i]);
      } catch (Placeholders.PlaceholderException e) {
        throw error(where, which + ": " + e.getMessage());
      }
    }
  }

  public static Duration duration(String where, String member, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      Duration d = Durations.parse(text);
      if (d.isZero() && member.equals("startupTimeout")) {
        throw new IllegalArgumentException("must be positive");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw error(where, member + ": " + e.getMessage());
    }
  }

  private static int parsePort(String where, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw error(
        where, "readyPort must be \"${port}\", \"${port.NAME}\" or 1..65535, was \"" + text + "\"");
  }

  private static Constructor<? extends ReadinessCheck> constructor(
      String where, Class<? extends ReadinessCheck> type) {
    if (java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
      throw error(where, "readyCheck " + type.getName() + " is abstract; give a concrete class");
    }
    try {
      Constructor<? extends ReadinessCheck> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException e) {
      throw error(
          where,
          "readyCheck "
              + type.getName()
              + " needs a no-arg constructor"
              + (type.isMemberClass() && !java.lang.reflect.Modifier.isStatic(type.getModifiers())
                  ? " (make the nested class static)"
                  : ""));
    } catch (RuntimeException e) {
      throw error(where, "readyCheck " + type.getName() + " cannot be created: " + e);
    }
  }

  public static ExtensionConfigurationException error(String where, String what) {
    return new ExtensionConfigurationException(where + ": " + what);
  }

  /**
   * Builds the plan of a {@code @SpawnProcess}; placeholders are expanded here (allocating ports
   * and the temp dir). Its {@code ${port}} is {@code ${port.NAME}} of its name, so that other
   * processes of its scope can be pointed at it by name. {@code runToCompletion} for a {@code
   * ProcessResult} injection.
   */
  public static LaunchPlan spawnPlan(
      Members m, String element, String defaultName, PlanContext scope, boolean runToCompletion) {
    return plan(m, "SpawnProcess", element, defaultName, scope, runToCompletion, true);
  }

  /**
   * Builds the plan of a pool's task defaults or worker: as above, but a worker's {@code ${port}}
   * is a fresh port, so that a replacement never waits for its predecessor's port to be released.
   */
  public static LaunchPlan poolPlan(
      Members m, String element, String name, PlanContext scope, boolean runToCompletion) {
    return plan(m, "ProcessPool", element, name, scope, runToCompletion, false);
  }

  private static LaunchPlan plan(
      Members m,
      String annotation,
      String element,
      String defaultName,
      PlanContext scope,
      boolean runToCompletion,
      boolean portByName) {
    String where = "@" + annotation + " on " + element;
    LaunchPlan.Builder plan = new LaunchPlan.Builder();
    plan.name = m.name.isBlank() ? defaultName : m.name;
    plan.syntheticName = m.name.isBlank() && m.syntheticName;
    ExpansionValues values = new ExpansionValues(scope, portByName ? plan.name : null);
    plan.namedPorts = scope::namedPort;
    List<String> args = expandAll(m.args, values);
    if (m.javaMain != void.class) {
      plan.java(m.javaMain, expandAll(m.jvmArgs, values), args);
    } else {
      plan.command = new ArrayList<>(expandAll(m.value, values));
      plan.command.addAll(args);
    }
    for (String entry : m.env) {
      String expanded = Placeholders.expand(entry, values);
      int eq = expanded.indexOf('=');
      plan.env.put(expanded.substring(0, eq), expanded.substring(eq + 1));
    }
    plan.inheritEnv = m.inheritEnv;
    Path cwd = Path.of("").toAbsolutePath();
    if (!m.workingDir.isBlank()) {
      plan.workingDir = cwd.resolve(Placeholders.expand(m.workingDir, values)).normalize();
    }
    if (!m.stdin.isBlank()) {
      plan.stdin = cwd.resolve(Placeholders.expand(m.stdin, values)).normalize();
    }
    plan.tempDir = values.tempDir;
    if (!m.readyLine.isEmpty()) {
      plan.readyLine = Pattern.compile(m.readyLine);
    }
    if (!m.readyPort.isBlank()) {
      plan.readyPort = parsePort(where, Placeholders.expand(m.readyPort.strip(), values));
    }
    if (m.readyCheck != ReadinessCheck.class) {
      try {
        plan.readyCheck = constructor(where, m.readyCheck).newInstance();
      } catch (ReflectiveOperationException e) {
        Throwable why = e.getCause() != null ? e.getCause() : e;
        throw error(
            where, "readyCheck " + m.readyCheck.getName() + " could not be created: " + why);
      }
    }
    plan.startupTimeout = duration(where, "startupTimeout", m.startupTimeout);
    plan.stopTimeout = duration(where, "stopTimeout", m.stopTimeout);
    plan.stopSignal = m.stopSignal;
    plan.mergeStderr = m.mergeStderr;
    plan.terminal = terminal(where, m);
    plan.port = values.portSupplier();
    plan.usedPorts.putAll(values.namedPorts);
    return plan.build(scope, runToCompletion);
  }

  private static List<String> expandAll(String[] values, ExpansionValues v) {
    List<String> out = new ArrayList<>(values.length);
    for (String s : values) {
      out.add(Placeholders.expand(s, v));
    }
    return out;
  }

  /** Placeholder values for one process; {@code ${port}} and {@code ${tempDir}} are made on use. */
  static final class ExpansionValues implements Placeholders.Values {
    private final PlanContext scope;
    private final String portName;
    private Integer port;
    Path tempDir;

    /** The {@code ${port.NAME}} placeholders expanded, by name, in order of first use. */
    final Map<String, Integer> namedPorts = new LinkedHashMap<>();

    /** {@code portName}: the name {@code ${port}} is shared under, or null for a fresh port. */
    ExpansionValues(PlanContext scope, String portName) {
      this.scope = scope;
      this.portName = portName;
    }

    IntSupplier portSupplier() {
      Integer p = port;
      return p == null ? null : () -> p;
    }

    @Override
    public String port() {
      if (port == null) {
        port = portName == null ? FreePorts.next() : scope.ownPort(portName);
      }
      return Integer.toString(port);
    }

    @Override
    public String namedPort(String name) {
      return Integer.toString(namedPorts.computeIfAbsent(name, scope::namedPort));
    }

    @Override
    public String tempDir() {
      if (tempDir == null) {
        tempDir = TempDirs.create(scope.config().reaperEnabled());
      }
      return tempDir.toString();
    }

    @Override
    public String namedTempDir(String name) {
      return scope.namedTempDir(name).toString();
    }

    @Override
    public String java() {
      return JavaCommand.java();
    }

    @Override
    public String classpath() {
      return JavaCommand.classpath();
    }

    @Override
    public String env(String name) {
      return System.getenv(name);
    }

    @Override
    public String sys(String name) {
      return System.getProperty(name);
    }
  }
}
