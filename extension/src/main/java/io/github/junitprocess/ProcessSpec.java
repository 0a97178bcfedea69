package io.github.junitprocess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to start a process from code, for {@link Processes} and {@link WorkerPool}.
 *
 * <pre>{@code
 * ProcessSpec spec = ProcessSpec.of("python3", "-m", "http.server", String.valueOf(port))
 *     .readyLine("Serving HTTP")
 *     .env("PYTHONUNBUFFERED", "1");
 * }</pre>
 *
 * <p>Strings are used literally: no placeholder expansion (use {@link Processes#freePort()}).
 * Setters validate their argument ({@link IllegalArgumentException} or {@link
 * NullPointerException}) and return {@code this}. A spec is a mutable builder and not thread-safe;
 * it is copied when a process starts, so changing it later does not affect that process.
 */
public final class ProcessSpec {

  private final List<String> command;
  private final Class<?> javaMain;
  private final List<String> jvmArgs = new ArrayList<>();
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Set<String> removedEnv = new LinkedHashSet<>();
  private boolean inheritEnv = true;
  private Path workingDir;
  private Path stdin;
  private byte[] input;
  private String readyLine;
  private int readyPort;
  private ReadinessCheck readyCheck;
  private Duration startupTimeout;
  private Signal stopSignal = Signal.TERM;
  private Duration stopTimeout;
  private boolean mergeStderr;
  private boolean tty;
  private int ttyColumns;
  private int ttyRows;
  private String name;
  private Consumer<String> stdoutListener;
  private Consumer<String> stderrListener;

  private ProcessSpec(List<String> command, Class<?> javaMain) {
    this.command = command;
    this.javaMain = javaMain;
  }

  /**
   * A spec for {@code command} and its arguments.
   *
   * @throws IllegalArgumentException when the command is empty, its first element is blank, or an
   *     element contains a NUL character
   * @throws NullPointerException when any element is null
   */
  public static ProcessSpec of(String... command) {
    Objects.requireNonNull(command, "command");
    return of(Arrays.asList(command));
  }

  /** A spec for {@code command} (program first); see {@link #of(String...)}. */
  public static ProcessSpec of(List<String> command) {
    Objects.requireNonNull(command, "command");
    List<String> copy = List.copyOf(requireNoNulls(command, "command"));
    if (copy.isEmpty() || copy.get(0).isBlank()) {
      throw new IllegalArgumentException("empty command: give the program to run, e.g. of(\"ls\")");
    }
    return new ProcessSpec(copy, null);
  }

  /**
   * A spec for a child JVM running {@code mainClass}: the test JVM's java executable with the test
   * classpath, then {@link #jvmArgs(String...)} before the class and {@code args} after it.
   */
  public static ProcessSpec java(Class<?> mainClass, String... args) {
    Objects.requireNonNull(mainClass, "mainClass");
    ProcessSpec spec = new ProcessSpec(List.of(), mainClass);
    spec.args(args);
    return spec;
  }

  /** Appends arguments after the command (or after the main class of {@link #java}). */
  public ProcessSpec args(String... args) {
    this.args.addAll(requireNoNulls(Arrays.asList(Objects.requireNonNull(args, "args")), "args"));
    return this;
  }

  /** JVM options for a {@link #java} spec. */
  public ProcessSpec jvmArgs(String... jvmArgs) {
    if (javaMain == null) {
      throw new IllegalStateException("jvmArgs only apply to ProcessSpec.java(...) specs");
    }
    this.jvmArgs.addAll(
        requireNoNulls(Arrays.asList(Objects.requireNonNull(jvmArgs, "jvmArgs")), "jvmArgs"));
    return this;
  }

  /** Sets an environment variable ({@code ""} sets it empty). */
  public ProcessSpec env(String key, String value) {
    requireEnvKey(key);
    Objects.requireNonNull(value, "value of environment variable " + key);
    requireNoNulCharacter(value, "the value of environment variable " + key);
    env.put(key, value);
    removedEnv.remove(key);
    return this;
  }

  /** Sets several environment variables. */
  public ProcessSpec env(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables").forEach(this::env);
    return this;
  }

  /** Removes one variable the process would otherwise inherit. */
  public ProcessSpec removeEnv(String key) {
    requireEnvKey(key);
    env.remove(key);
    removedEnv.add(key);
    return this;
  }

  /** Whether the process inherits the test JVM's environment (default {@code true}). */
  public ProcessSpec inheritEnv(boolean inheritEnv) {
    this.inheritEnv = inheritEnv;
    return this;
  }

  /** Working directory (default: the test JVM's); relative paths resolve against the JVM's. */
  public ProcessSpec workingDir(Path workingDir) {
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    return this;
  }

  /** A file redirected to stdin; excludes {@link #input(String)}. */
  public ProcessSpec stdin(Path file) {
    Objects.requireNonNull(file, "stdin");
    if (input != null) {
      throw new IllegalStateException("stdin(file) and input(...) exclude each other");
    }
    this.stdin = file;
    return this;
  }

  /** Text (UTF-8) written to stdin right after start, after which stdin is closed. */
  public ProcessSpec input(String text) {
    return input(Objects.requireNonNull(text, "input").getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes written to stdin right after start, after which stdin is closed. */
  public ProcessSpec input(byte[] bytes) {
    Objects.requireNonNull(bytes, "input");
    if (stdin != null) {
      throw new IllegalStateException("stdin(file) and input(...) exclude each other");
    }
    this.input = bytes.clone();
    return this;
  }

  /** Ready when {@code regex} is found in a line of stdout or stderr. */
  public ProcessSpec readyLine(String regex) {
    Objects.requireNonNull(regex, "readyLine");
    try {
      java.util.regex.Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("readyLine is not a valid regex: " + e.getMessage(), e);
    }
    this.readyLine = regex;
    return this;
  }

  /** Ready when a TCP connection to 127.0.0.1:{@code port} succeeds. */
  public ProcessSpec readyPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("readyPort must be 1..65535, was " + port);
    }
    this.readyPort = port;
    return this;
  }

  /** Ready when {@code check} returns true (polled with backoff). */
  public ProcessSpec readyCheck(ReadinessCheck check) {
    this.readyCheck = Objects.requireNonNull(check, "readyCheck");
    return this;
  }

  /**
   * Deadline for readiness or a run to completion (default {@code junit.process.startup.timeout}).
   */
  public ProcessSpec startupTimeout(Duration timeout) {
    this.startupTimeout = requirePositive(timeout, "startupTimeout");
    return this;
  }

  /** Signal sent first when stopping (default {@link Signal#TERM}). */
  public ProcessSpec stopSignal(Signal signal) {
    this.stopSignal = Objects.requireNonNull(signal, "stopSignal");
    return this;
  }

  /** Grace after the stop signal before KILL (default {@code junit.process.stop.timeout}). */
  public ProcessSpec stopTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "stopTimeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative, was " + timeout);
    }
    this.stopTimeout = timeout;
    return this;
  }

  /** Redirects stderr into stdout. */
  public ProcessSpec mergeStderr(boolean merge) {
    this.mergeStderr = merge;
    return this;
  }

  /**
   * Runs the process on a new pseudo-terminal (default {@code false}), as {@link
   * SpawnProcess#tty()} describes: stdin, stdout and stderr are the terminal, which is the
   * process's controlling terminal; {@link SpawnedProcess#stdout()} shows everything the terminal
   * shows and {@link SpawnedProcess#stderr()} stays empty; {@link SpawnedProcess#writeLine} types a
   * line and Enter, {@link SpawnedProcess#closeStdin()} types Ctrl-D; {@code TERM} is {@code
   * xterm-256color} unless {@link #env(String, String)} sets it. Needs {@code python3} on the test
   * JVM's PATH (Linux, macOS); without it the start fails with a {@link ProcessStartException}
   * saying so.
   */
  public ProcessSpec tty(boolean tty) {
    this.tty = tty;
    return this;
  }

  /**
   * The size of the terminal of {@link #tty(boolean)}, as {@code tput cols}, {@code tput lines} and
   * {@code stty size} report it (default 80 columns, 24 rows). Applies with {@code tty(true)} only:
   * a spec with a size but without a terminal is refused when it is started.
   *
   * @throws IllegalArgumentException when {@code columns} or {@code rows} is outside 1..65535
   */
  public ProcessSpec ttySize(int columns, int rows) {
    if (columns < 1 || columns > 65535 || rows < 1 || rows > 65535) {
      throw new IllegalArgumentException(
          "ttySize needs 1..65535 columns and rows, was ttySize(" + columns + ", " + rows + ")");
    }
    this.ttyColumns = columns;
    this.ttyRows = rows;
    return this;
  }

  /** Name used in messages and log files (default: the program's file name). */
  public ProcessSpec name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** Called with each stdout line, in order, on the capture thread. Must not block long. */
  public ProcessSpec onStdoutLine(Consumer<String> listener) {
    this.stdoutListener = Objects.requireNonNull(listener, "onStdoutLine");
    return this;
  }

  /** Called with each stderr line, in order, on the capture thread. Must not block long. */
  public ProcessSpec onStderrLine(Consumer<String> listener) {
    this.stderrListener = Objects.requireNonNull(listener, "onStderrLine");
    return this;
  }

  // --- accessors, for tools built on top of the library ---

  /** The command given to {@link #of}, empty for a {@link #java} spec. */
  public List<String> command() {
    return command;
  }

  /** The main class of a {@link #java} spec. */
  public Optional<Class<?>> javaMain() {
    return Optional.ofNullable(javaMain);
  }

  public List<String> jvmArgs() {
    return Collections.unmodifiableList(jvmArgs);
  }

  public List<String> args() {
    return Collections.unmodifiableList(args);
  }

  public Map<String, String> env() {
    return Collections.unmodifiableMap(env);
  }

  public Set<String> removedEnv() {
    return Collections.unmodifiableSet(removedEnv);
  }

  public boolean inheritsEnv() {
    return inheritEnv;
  }

  public Optional<Path> workingDir() {
    return Optional.ofNullable(workingDir);
  }

  public Optional<Path> stdin() {
    return Optional.ofNullable(stdin);
  }

  public Optional<byte[]> input() {
    return Optional.ofNullable(input).map(byte[]::clone);
  }

  public Optional<String> readyLine() {
    return Optional.ofNullable(readyLine);
  }

  /** The readiness port, or 0 for none. */
  public int readyPort() {
    return readyPort;
  }

  public Optional<ReadinessCheck> readyCheck() {
    return Optional.ofNullable(readyCheck);
  }

  public Optional<Duration> startupTimeout() {
    return Optional.ofNullable(startupTimeout);
  }

  public Signal stopSignal() {
    return stopSignal;
  }

  public Optional<Duration> stopTimeout() {
    return Optional.ofNullable(stopTimeout);
  }

  public boolean mergesStderr() {
    return mergeStderr;
  }

  /** Whether the process runs on a pseudo-terminal ({@link #tty(boolean)}). */
  public boolean tty() {
    return tty;
  }

  /**
   * The terminal size given by {@link #ttySize(int, int)}, written {@code COLUMNSxROWS} as in
   * {@link SpawnProcess#ttySize()}; empty when none was given (a terminal is then 80x24).
   */
  public Optional<String> ttySize() {
    return ttyColumns == 0 ? Optional.empty() : Optional.of(ttyColumns + "x" + ttyRows);
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Optional<Consumer<String>> stdoutListener() {
    return Optional.ofNullable(stdoutListener);
  }

  public Optional<Consumer<String>> stderrListener() {
    return Optional.ofNullable(stderrListener);
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>(command);
    if (javaMain != null) {
      shown.add("java " + javaMain.getName());
    }
    shown.addAll(args);
    return "ProcessSpec" + shown;
  }

  private static List<String> requireNoNulls(List<String> values, String what) {
    for (int i = 0; i < values.size(); i++) {
      Objects.requireNonNull(values.get(i), what + "[" + i + "] is null");
      requireNoNulCharacter(values.get(i), what + "[" + i + "]");
    }
    return values;
  }

  private static void requireNoNulCharacter(String value, String what) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          what
              + " contains a NUL character (\\0), which no command line or environment variable"
              + " can hold");
    }
  }

  private static void requireEnvKey(String key) {
    Objects.requireNonNull(key, "environment variable name");
    if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("invalid environment variable name: '" + key + "'");
    }
  }

  private static Duration requirePositive(Duration timeout, String what) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + timeout);
    }
    return timeout;
  }
}
