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
 *
 * <p>Defaults: the test JVM's environment and working directory, stdin a pipe the test writes to
 * (closed at once for a run to completion), no readiness condition, {@code
 * junit.process.startup.timeout} (30 s) and {@code junit.process.stop.timeout} (10 s), {@link
 * Signal#TERM} to stop, stderr captured apart, named after the program's file name.
 *
 * @since 0.1.0
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
  private boolean echo;

  private ProcessSpec(List<String> command, Class<?> javaMain) {
    this.command = command;
    this.javaMain = javaMain;
  }

  /**
   * A spec for {@code command} and its arguments.
   *
   * @param command the program (a path, or a name looked up on {@code PATH}), then its arguments
   * @return a new spec with the defaults
   * @throws IllegalArgumentException when the command is empty, its first element is blank, or an
   *     element contains a NUL character
   * @throws NullPointerException when any element is null
   * @since 0.1.0
   */
  public static ProcessSpec of(String... command) {
    Objects.requireNonNull(command, "command");
    return of(Arrays.asList(command));
  }

  /**
   * A spec for {@code command} (program first); see {@link #of(String...)}.
   *
   * @param command the program, then its arguments; copied
   * @return a new spec with the defaults
   * @throws IllegalArgumentException when the command is empty, its first element is blank, or an
   *     element contains a NUL character
   * @throws NullPointerException when the list or any element is null
   * @since 0.1.0
   */
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
   *
   * <p>The child inherits from the test JVM: its JaCoCo agent (so the coverage report counts what
   * the child ran; written when the child exits gracefully, lost when it is killed; {@code
   * junit.process.java.coverage=off} turns it off), and {@code -ea} when the test JVM runs the main
   * class with assertions; {@link #jvmArgs(String...)} come after these and win. {@code
   * junit.process.java.debug} makes it wait for a debugger; when it is not ready in time, its
   * thread dump is taken before it is killed.
   *
   * @param mainClass the class whose {@code main} the child JVM runs
   * @param args the program arguments, after the class name
   * @return a new spec with the defaults
   * @throws NullPointerException when {@code mainClass}, {@code args} or an argument is null
   * @throws IllegalArgumentException when an argument contains a NUL character
   * @since 0.1.0
   */
  public static ProcessSpec java(Class<?> mainClass, String... args) {
    Objects.requireNonNull(mainClass, "mainClass");
    ProcessSpec spec = new ProcessSpec(List.of(), mainClass);
    spec.args(args);
    return spec;
  }

  /**
   * Appends arguments after the command (or after the main class of {@link #java}).
   *
   * @param args the arguments to append; none by default
   * @return this spec
   * @throws NullPointerException when {@code args} or an argument is null
   * @throws IllegalArgumentException when an argument contains a NUL character
   * @since 0.1.0
   */
  public ProcessSpec args(String... args) {
    this.args.addAll(requireNoNulls(Arrays.asList(Objects.requireNonNull(args, "args")), "args"));
    return this;
  }

  /**
   * Appends JVM options for a {@link #java} spec, placed before the main class.
   *
   * @param jvmArgs the options, e.g. {@code -Xmx64m}; none by default
   * @return this spec
   * @throws IllegalStateException when this spec was made by {@link #of}, not {@link #java}
   * @throws NullPointerException when {@code jvmArgs} or an option is null
   * @throws IllegalArgumentException when an option contains a NUL character
   * @since 0.1.0
   */
  public ProcessSpec jvmArgs(String... jvmArgs) {
    if (javaMain == null) {
      throw new IllegalStateException("jvmArgs only apply to ProcessSpec.java(...) specs");
    }
    this.jvmArgs.addAll(
        requireNoNulls(Arrays.asList(Objects.requireNonNull(jvmArgs, "jvmArgs")), "jvmArgs"));
    return this;
  }

  /**
   * Sets an environment variable, over the inherited one of that name (and undoing a {@link
   * #removeEnv} of it).
   *
   * @param key the variable's name
   * @param value its value; {@code ""} sets it empty
   * @return this spec
   * @throws IllegalArgumentException when the name is empty or contains {@code =} or a NUL
   *     character, or the value contains a NUL character
   * @throws NullPointerException when the name or the value is null
   * @since 0.1.0
   */
  public ProcessSpec env(String key, String value) {
    requireEnvKey(key);
    Objects.requireNonNull(value, "value of environment variable " + key);
    requireNoNulCharacter(value, "the value of environment variable " + key);
    env.put(key, value);
    removedEnv.remove(key);
    return this;
  }

  /**
   * Sets several environment variables, as {@link #env(String, String)} does for each.
   *
   * @param variables names and values
   * @return this spec
   * @throws IllegalArgumentException as {@link #env(String, String)}
   * @throws NullPointerException when the map, a name or a value is null
   * @since 0.1.0
   */
  public ProcessSpec env(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables").forEach(this::env);
    return this;
  }

  /**
   * Removes one variable the process would otherwise inherit (or that {@link #env} set).
   *
   * @param key the variable's name
   * @return this spec
   * @throws IllegalArgumentException when the name is empty or contains {@code =} or a NUL
   *     character
   * @throws NullPointerException when the name is null
   * @since 0.1.0
   */
  public ProcessSpec removeEnv(String key) {
    requireEnvKey(key);
    env.remove(key);
    removedEnv.add(key);
    return this;
  }

  /**
   * Whether the process inherits the test JVM's environment (default {@code true}); with {@code
   * false} it sees only the variables set by {@link #env}.
   *
   * @param inheritEnv whether to inherit
   * @return this spec
   * @since 0.1.0
   */
  public ProcessSpec inheritEnv(boolean inheritEnv) {
    this.inheritEnv = inheritEnv;
    return this;
  }

  /**
   * The working directory (default: the test JVM's); a relative path resolves against the test
   * JVM's. A missing directory fails the start with a {@link ProcessStartException}.
   *
   * @param workingDir the directory
   * @return this spec
   * @throws NullPointerException when {@code workingDir} is null
   * @since 0.1.0
   */
  public ProcessSpec workingDir(Path workingDir) {
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    return this;
  }

  /**
   * A file redirected to stdin (default: a pipe the test writes to); a relative path resolves
   * against the test JVM's working directory.
   *
   * @param file the file the process reads as its stdin
   * @return this spec
   * @throws IllegalStateException when {@link #input(String)} or {@link #input(byte[])} was given
   * @throws NullPointerException when {@code file} is null
   * @since 0.1.0
   */
  public ProcessSpec stdin(Path file) {
    Objects.requireNonNull(file, "stdin");
    if (input != null) {
      throw new IllegalStateException("stdin(file) and input(...) exclude each other");
    }
    this.stdin = file;
    return this;
  }

  /**
   * Text (UTF-8) written to stdin right after start, after which stdin is closed (default: none).
   *
   * @param text what the process reads
   * @return this spec
   * @throws IllegalStateException when {@link #stdin(Path)} was given
   * @throws NullPointerException when {@code text} is null
   * @since 0.1.0
   */
  public ProcessSpec input(String text) {
    return input(Objects.requireNonNull(text, "input").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Bytes written to stdin right after start, after which stdin is closed (default: none).
   *
   * @param bytes what the process reads; copied
   * @return this spec
   * @throws IllegalStateException when {@link #stdin(Path)} was given
   * @throws NullPointerException when {@code bytes} is null
   * @since 0.1.0
   */
  public ProcessSpec input(byte[] bytes) {
    Objects.requireNonNull(bytes, "input");
    if (stdin != null) {
      throw new IllegalStateException("stdin(file) and input(...) exclude each other");
    }
    this.input = bytes.clone();
    return this;
  }

  /**
   * Ready when {@code regex} is found in a line of stdout or stderr (default: no line awaited).
   * Readiness conditions combine: every one given must hold before the start returns.
   *
   * @param regex a {@link java.util.regex.Pattern} searched for in each line ({@code find})
   * @return this spec
   * @throws IllegalArgumentException when {@code regex} is not a valid pattern
   * @throws NullPointerException when {@code regex} is null
   * @since 0.1.0
   */
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

  /**
   * Ready when a TCP connection to 127.0.0.1:{@code port} succeeds (default: no port awaited); it
   * is also the handle's {@link SpawnedProcess#port()}.
   *
   * @param port 1 to 65535
   * @return this spec
   * @throws IllegalArgumentException when {@code port} is out of range
   * @since 0.1.0
   */
  public ProcessSpec readyPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("readyPort must be 1..65535, was " + port);
    }
    this.readyPort = port;
    return this;
  }

  /**
   * Ready when {@code check} returns true, polled with backoff until the startup timeout; a check
   * that throws counts as not ready yet (default: no check).
   *
   * @param check the check
   * @return this spec
   * @throws NullPointerException when {@code check} is null
   * @since 0.1.0
   */
  public ProcessSpec readyCheck(ReadinessCheck check) {
    this.readyCheck = Objects.requireNonNull(check, "readyCheck");
    return this;
  }

  /**
   * Deadline for readiness or a run to completion (default {@code junit.process.startup.timeout},
   * 30 s); past it the start fails with a {@link ProcessTimeoutException}.
   *
   * @param timeout a positive duration
   * @return this spec
   * @throws IllegalArgumentException when {@code timeout} is zero or negative
   * @throws NullPointerException when {@code timeout} is null
   * @since 0.1.0
   */
  public ProcessSpec startupTimeout(Duration timeout) {
    this.startupTimeout = requirePositive(timeout, "startupTimeout");
    return this;
  }

  /**
   * Signal sent first when stopping (default {@link Signal#TERM}).
   *
   * @param signal the signal sent to the process group before the grace period
   * @return this spec
   * @throws NullPointerException when {@code signal} is null
   * @since 0.1.0
   */
  public ProcessSpec stopSignal(Signal signal) {
    this.stopSignal = Objects.requireNonNull(signal, "stopSignal");
    return this;
  }

  /**
   * Grace after the stop signal before KILL (default {@code junit.process.stop.timeout}, 10 s).
   *
   * @param timeout zero (KILL right after the signal) or positive
   * @return this spec
   * @throws IllegalArgumentException when {@code timeout} is negative
   * @throws NullPointerException when {@code timeout} is null
   * @since 0.1.0
   */
  public ProcessSpec stopTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "stopTimeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative, was " + timeout);
    }
    this.stopTimeout = timeout;
    return this;
  }

  /**
   * Redirects stderr into stdout, one stream in arrival order (default {@code false}); {@link
   * SpawnedProcess#stderr()} is then empty.
   *
   * @param merge whether to merge
   * @return this spec
   * @since 0.1.0
   */
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
   *
   * @param tty whether the process runs on a pseudo-terminal
   * @return this spec
   * @since 0.1.0
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
   * @param columns the terminal's width in columns
   * @param rows the terminal's height in rows
   * @return this spec
   * @throws IllegalArgumentException when {@code columns} or {@code rows} is outside 1..65535
   * @since 0.1.0
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

  /**
   * Name used in messages and log files (default: the program's file name).
   *
   * @param name a non-blank name
   * @return this spec
   * @throws IllegalArgumentException when {@code name} is blank
   * @throws NullPointerException when {@code name} is null
   * @since 0.1.0
   */
  public ProcessSpec name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /**
   * Called with each stdout line, in order, on the capture thread (default: none). It must not
   * block long: the capture waits for it; an exception it throws is ignored and the capture goes
   * on.
   *
   * @param listener receives each line, without its line end
   * @return this spec
   * @throws NullPointerException when {@code listener} is null
   * @since 0.1.0
   */
  public ProcessSpec onStdoutLine(Consumer<String> listener) {
    this.stdoutListener = Objects.requireNonNull(listener, "onStdoutLine");
    return this;
  }

  /**
   * Called with each stderr line, in order, on the capture thread (default: none). It must not
   * block long: the capture waits for it; an exception it throws is ignored and the capture goes
   * on.
   *
   * @param listener receives each line, without its line end
   * @return this spec
   * @throws NullPointerException when {@code listener} is null
   * @since 0.1.0
   */
  public ProcessSpec onStderrLine(Consumer<String> listener) {
    this.stderrListener = Objects.requireNonNull(listener, "onStderrLine");
    return this;
  }

  /**
   * Prints every line of this process on the test JVM's stdout as it arrives (default {@code
   * false}): stdout lines as {@code [name] line}, stderr lines as {@code [name!] line}, so that a
   * developer can watch the process while the test runs. The capture never waits for the console:
   * lines go through a bounded queue to one printer thread, and when the console cannot keep up,
   * lines are dropped from the echo (never from the capture) and a note says how many. The setting
   * {@code junit.process.echo} does the same for processes by name.
   *
   * @param echo whether to print the process's lines live
   * @return this spec
   * @since 0.1.0
   */
  public ProcessSpec echo(boolean echo) {
    this.echo = echo;
    return this;
  }

  // --- accessors, for tools built on top of the library ---

  /**
   * The command given to {@link #of}.
   *
   * @return the program and its arguments, unmodifiable; empty for a {@link #java} spec
   * @since 0.1.0
   */
  public List<String> command() {
    return command;
  }

  /**
   * The main class of a {@link #java} spec.
   *
   * @return the class, or empty for a spec made by {@link #of}
   * @since 0.1.0
   */
  public Optional<Class<?>> javaMain() {
    return Optional.ofNullable(javaMain);
  }

  /**
   * The JVM options of a {@link #java} spec.
   *
   * @return the options, unmodifiable; empty by default
   * @since 0.1.0
   */
  public List<String> jvmArgs() {
    return Collections.unmodifiableList(jvmArgs);
  }

  /**
   * The arguments appended by {@link #args(String...)}.
   *
   * @return the arguments, unmodifiable; empty by default
   * @since 0.1.0
   */
  public List<String> args() {
    return Collections.unmodifiableList(args);
  }

  /**
   * The environment variables set by {@link #env}.
   *
   * @return names and values, unmodifiable, in the order set; empty by default
   * @since 0.1.0
   */
  public Map<String, String> env() {
    return Collections.unmodifiableMap(env);
  }

  /**
   * The inherited variables removed by {@link #removeEnv}.
   *
   * @return their names, unmodifiable; empty by default
   * @since 0.1.0
   */
  public Set<String> removedEnv() {
    return Collections.unmodifiableSet(removedEnv);
  }

  /**
   * Whether the process inherits the test JVM's environment.
   *
   * @return {@code true} unless {@link #inheritEnv(boolean)} turned it off
   * @since 0.1.0
   */
  public boolean inheritsEnv() {
    return inheritEnv;
  }

  /**
   * The working directory.
   *
   * @return the directory, or empty for the test JVM's
   * @since 0.1.0
   */
  public Optional<Path> workingDir() {
    return Optional.ofNullable(workingDir);
  }

  /**
   * The file redirected to stdin.
   *
   * @return the file, or empty for a pipe
   * @since 0.1.0
   */
  public Optional<Path> stdin() {
    return Optional.ofNullable(stdin);
  }

  /**
   * What is written to stdin right after start.
   *
   * @return a copy of the bytes, or empty for none
   * @since 0.1.0
   */
  public Optional<byte[]> input() {
    return Optional.ofNullable(input).map(byte[]::clone);
  }

  /**
   * The readiness regex.
   *
   * @return the regex, or empty for none
   * @since 0.1.0
   */
  public Optional<String> readyLine() {
    return Optional.ofNullable(readyLine);
  }

  /**
   * The readiness port.
   *
   * @return the port, or 0 for none
   * @since 0.1.0
   */
  public int readyPort() {
    return readyPort;
  }

  /**
   * The readiness check.
   *
   * @return the check, or empty for none
   * @since 0.1.0
   */
  public Optional<ReadinessCheck> readyCheck() {
    return Optional.ofNullable(readyCheck);
  }

  /**
   * The startup timeout.
   *
   * @return the timeout, or empty for {@code junit.process.startup.timeout}
   * @since 0.1.0
   */
  public Optional<Duration> startupTimeout() {
    return Optional.ofNullable(startupTimeout);
  }

  /**
   * The signal sent first when stopping.
   *
   * @return the signal; {@link Signal#TERM} by default
   * @since 0.1.0
   */
  public Signal stopSignal() {
    return stopSignal;
  }

  /**
   * The grace after the stop signal.
   *
   * @return the grace, or empty for {@code junit.process.stop.timeout}
   * @since 0.1.0
   */
  public Optional<Duration> stopTimeout() {
    return Optional.ofNullable(stopTimeout);
  }

  /**
   * Whether stderr is merged into stdout.
   *
   * @return {@code true} if {@link #mergeStderr(boolean)} turned it on
   * @since 0.1.0
   */
  public boolean mergesStderr() {
    return mergeStderr;
  }

  /**
   * Whether the process runs on a pseudo-terminal ({@link #tty(boolean)}).
   *
   * @return true in terminal mode
   * @since 0.1.0
   */
  public boolean tty() {
    return tty;
  }

  /**
   * The terminal size given by {@link #ttySize(int, int)}, written {@code COLUMNSxROWS} as in
   * {@link SpawnProcess#ttySize()}; empty when none was given (a terminal is then 80x24).
   *
   * @return the size, or empty for the default 80x24
   * @since 0.1.0
   */
  public Optional<String> ttySize() {
    return ttyColumns == 0 ? Optional.empty() : Optional.of(ttyColumns + "x" + ttyRows);
  }

  /**
   * The name given by {@link #name(String)}.
   *
   * @return the name, or empty for the program's file name
   * @since 0.1.0
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The stdout line listener.
   *
   * @return the listener, or empty for none
   * @since 0.1.0
   */
  public Optional<Consumer<String>> stdoutListener() {
    return Optional.ofNullable(stdoutListener);
  }

  /**
   * The stderr line listener.
   *
   * @return the listener, or empty for none
   * @since 0.1.0
   */
  public Optional<Consumer<String>> stderrListener() {
    return Optional.ofNullable(stderrListener);
  }

  /**
   * Whether the process's lines are printed live on the test JVM's stdout.
   *
   * @return {@code true} if {@link #echo(boolean)} turned it on
   * @since 0.1.0
   */
  public boolean echoes() {
    return echo;
  }

  /**
   * The command for messages, e.g. {@code ProcessSpec[ls, -l]}.
   *
   * @return the command, the main class of a {@link #java} spec, and the arguments
   */
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
