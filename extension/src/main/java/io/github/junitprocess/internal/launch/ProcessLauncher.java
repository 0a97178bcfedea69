package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.internal.capture.CaptureThreads;
import io.github.junitprocess.internal.capture.LiveEcho;
import io.github.junitprocess.internal.capture.LogFile;
import io.github.junitprocess.internal.capture.OutputCapture;
import io.github.junitprocess.internal.os.Executables;
import io.github.junitprocess.internal.os.OwnedProcesses;
import io.github.junitprocess.internal.os.ProcFs;
import io.github.junitprocess.internal.os.PseudoTerminal;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.plan.ProcessConfig;
import io.github.junitprocess.internal.support.Messages;
import io.github.junitprocess.internal.teardown.Cookies;
import io.github.junitprocess.internal.teardown.PidWindow;
import io.github.junitprocess.internal.teardown.Reaper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Spawns a {@link LaunchPlan}: finds the program on the child's PATH, checks program, working
 * directory and stdin so that failures say why (before spawning through a wrapper, otherwise after
 * a failed spawn), marks the process with its cookie, starts long-running processes in their own
 * session where {@code setsid} exists, gives back the signals the JVM ignores ({@link
 * IgnoredSignals}), puts a process in terminal mode on a pseudo-terminal ({@link PseudoTerminal}:
 * its keeper leads the session, the program runs as its child), and starts the output pumps before
 * anything else can block.
 */
public final class ProcessLauncher {
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final String SETSID = Executables.find("setsid");

  /** {@code TERM} of a process on a terminal, unless its env gives one. */
  static final String DEFAULT_TERM = "xterm-256color";

  /** Programs found on PATH, by PATH, working directory and name. */
  private static final Map<ProgramKey, String> RESOLVED = new ConcurrentHashMap<>();

  /** A lookup of {@code program} on {@code path} from {@code workingDir}. */
  private record ProgramKey(String path, Path workingDir, String program) {}

  private ProcessLauncher() {}

  /**
   * Spawns {@code plan} and hands the process to {@code owner} before its output pumps start, so
   * that whoever reacts to its first line (a listener, a test woken by it) finds it owned; then
   * registers it with the {@link Reaper}.
   *
   * @throws ProcessStartException when it cannot be spawned
   */
  public static ManagedProcess start(
      LaunchPlan plan, ProcessConfig config, Consumer<? super ManagedProcess> owner) {
    long captureLimit = config.captureLimit();
    boolean tty = plan.terminal() != null;
    List<String> terminal = tty ? terminalPrefix(plan) : List.of();
    // the terminal's keeper leads a session of its own: no setsid for it
    boolean group = tty || (plan.ownGroup() && SETSID != null);
    List<String> resetSignals = WINDOWS ? List.of() : IgnoredSignals.resetPrefix();
    boolean wrapped = group || !resetSignals.isEmpty();
    if (wrapped) {
      checkFiles(plan); // a wrapper would start even so, and fail less clearly
    }
    ProcessBuilder pb = new ProcessBuilder();
    Map<String, String> env = pb.environment();
    if (!plan.inheritEnv()) {
      env.clear();
    }
    for (String key : plan.removedEnv()) {
      env.remove(key);
    }
    if (tty) {
      // the terminal's size is the one to report: these would override it for many programs
      env.remove("COLUMNS");
      env.remove("LINES");
      if (!plan.removedEnv().contains("TERM")) {
        env.put("TERM", DEFAULT_TERM);
      }
    }
    env.putAll(plan.env());
    String cookie = Cookies.next();
    env.put(Cookies.ENV, cookie);

    List<String> argv = new ArrayList<>(plan.command().size() + 3 + terminal.size());
    if (group && !tty) {
      argv.add(SETSID);
    }
    String childPath = env.get("PATH");
    String program = WINDOWS ? plan.command().get(0) : resolveProgram(plan, childPath, wrapped);
    if (tty || program.indexOf('=') < 0) { // env would take NAME=VALUE for a variable
      argv.addAll(resetSignals);
    }
    argv.addAll(terminal);
    argv.add(program);
    argv.addAll(plan.command().subList(1, plan.command().size()));
    pb.command(argv).directory(plan.workingDir().toFile()).redirectErrorStream(plan.mergeStderr());
    if (plan.stdin() != null) {
      pb.redirectInput(plan.stdin().toFile());
    }

    if (plan.debugPort() > 0) {
      System.out.println(DebugNotice.waiting(plan));
    }
    PidWindow window = plan.ownGroup() ? new PidWindow() : null;
    long startNanos = System.nanoTime();
    Process process;
    try {
      process = OwnedProcesses.start(pb);
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      // say which of working dir, stdin or program is at fault, where the OS only gives a number
      checkFiles(plan);
      if (!WINDOWS) {
        resolveProgram(plan, childPath, true); // verifies a remembered program, walks PATH anew
      }
      throw new ProcessStartException(startFailure(plan, osReason(e)), e);
    }
    String base = safeFileName(plan.name()) + "-" + process.pid();
    boolean logs = plan.logDir() != null;
    OutputCapture out =
        new OutputCapture(
            "stdout",
            captureLimit,
            logs ? new LogFile(plan.logDir(), base, "stdout") : LogFile.disabled(),
            plan.stdoutListener(),
            tty);
    OutputCapture err =
        plan.mergeStderr()
            ? OutputCapture.empty(
                "stderr", logs ? new LogFile(plan.logDir(), base, "stderr") : LogFile.disabled())
            : new OutputCapture(
                "stderr",
                captureLimit,
                logs ? new LogFile(plan.logDir(), base, "stderr") : LogFile.disabled(),
                plan.stderrListener());
    ManagedProcess managed =
        new ManagedProcess(plan, process, cookie, group, out, err, startNanos, window);
    owner.accept(managed);
    if (plan.echo()) {
      out.echoTo(LiveEcho.of(plan.name(), false));
      err.echoTo(LiveEcho.of(plan.name(), true));
    }
    // the JDK closes the pipes once the process has exited, where it does so
    boolean closeAtEnd = !OwnedProcesses.PIPES_CLOSED_AT_EXIT;
    out.startPump(process.getInputStream(), "junit-process-stdout-" + base, closeAtEnd);
    if (!plan.mergeStderr()) {
      err.startPump(process.getErrorStream(), "junit-process-stderr-" + base, closeAtEnd);
    }
    if (plan.input() != null) {
      feed(managed, process.getOutputStream(), plan.input(), base);
    } else if (plan.closeStdin()) {
      managed.closeStdin();
    }
    Reaper.register(
        config.reaperEnabled(), managed.pid(), managed.startTicks(), managed.leadsGroup());
    return managed;
  }

  /**
   * The words that put the program on a terminal of the plan's size.
   *
   * @throws ProcessStartException saying what terminal mode needs, where it cannot be had
   */
  private static List<String> terminalPrefix(LaunchPlan plan) {
    String problem = PseudoTerminal.unavailable();
    if (problem != null) {
      throw new ProcessStartException(startFailure(plan, problem));
    }
    return PseudoTerminal.prefix(plan.terminal().columns(), plan.terminal().rows());
  }

  /** Writes {@code input} on a capture thread (the child may read it slowly), then closes stdin. */
  private static void feed(ManagedProcess p, OutputStream stdin, byte[] input, String base) {
    CaptureThreads.EXECUTOR.execute(
        () -> {
          try {
            p.write(input);
          } catch (RuntimeException e) {
            // the process stopped reading (exited); its result tells the story
          } finally {
            p.closeStdin();
          }
        });
  }

  /**
   * Checks the working directory and the stdin file, which the spawn needs. Done before spawning
   * through a wrapper, otherwise only after a spawn failed: the common case costs no file checks.
   */
  private static void checkFiles(LaunchPlan plan) {
    Path cwd = plan.workingDir();
    if (!Files.isDirectory(cwd)) {
      throw new ProcessStartException(
          startFailure(
              plan,
              Files.exists(cwd)
                  ? "the working directory is not a directory"
                  : "the working directory does not exist"));
    }
    if (plan.stdin() != null
        && (!Files.isReadable(plan.stdin()) || Files.isDirectory(plan.stdin()))) {
      String why =
          !Files.exists(plan.stdin())
              ? " does not exist"
              : Files.isDirectory(plan.stdin()) ? " is a directory" : " is not readable";
      throw new ProcessStartException(startFailure(plan, "the stdin file " + plan.stdin() + why));
    }
  }

  /**
   * The program as an absolute path (looked up on the child's PATH), with a message that says why
   * when there is none. With {@code verify}, a path is checked even when known or given, and so is
   * the interpreter a script names; without, a vanished program is left for the spawn to report
   * (and then looked up again).
   */
  private static String resolveProgram(LaunchPlan plan, String childPath, boolean verify) {
    String program = lookUp(plan, childPath, verify);
    if (verify) {
      checkInterpreter(plan, program);
    }
    return program;
  }

  private static String lookUp(LaunchPlan plan, String childPath, boolean verify) {
    String program = plan.command().get(0);
    if (program.contains("/")) {
      if (verify) {
        checkExecutable(plan, plan.workingDir().resolve(program));
      }
      return program;
    }
    String path = childPath != null ? childPath : System.getenv("PATH");
    if (path == null) {
      path = "/usr/bin:/bin";
    }
    ProgramKey key = new ProgramKey(path, plan.workingDir(), program);
    String known = RESOLVED.get(key);
    if (known != null && (!verify || Files.isExecutable(Path.of(known)))) {
      return known; // no walk along PATH
    }
    for (String dir : path.split(File.pathSeparator, -1)) {
      Path candidate =
          (dir.isEmpty() ? plan.workingDir() : plan.workingDir().resolve(dir)).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        if (RESOLVED.size() > 1024) {
          RESOLVED.clear();
        }
        RESOLVED.put(key, candidate.toString());
        return candidate.toString();
      }
    }
    throw new ProcessStartException(
        startFailure(
            plan,
            "command '"
                + program
                + "' not found on PATH ("
                + path
                + "); install it, give an absolute path, or fix PATH in env"));
  }

  private static void checkExecutable(LaunchPlan plan, Path p) {
    String reason = null;
    if (!Files.exists(p)) {
      reason = "no such file: " + p;
    } else if (Files.isDirectory(p)) {
      reason = p + " is a directory";
    } else if (!Files.isExecutable(p)) {
      reason =
          p + " is not executable (Permission denied); chmod +x it or run it via its interpreter";
    }
    if (reason != null) {
      throw new ProcessStartException(startFailure(plan, reason));
    }
  }

  static String startFailure(LaunchPlan plan, String reason) {
    return "Cannot start process '"
        + plan.name()
        + "': "
        + reason
        + "\n  command: "
        + Messages.commandLine(plan.command())
        + "\n  working dir: "
        + plan.workingDir();
  }

  /**
   * Checks the interpreter a script's {@code #!} line names: without it the script fails with the
   * same "No such file or directory" as a missing program (through a wrapper, exit code 127).
   */
  private static void checkInterpreter(LaunchPlan plan, String program) {
    Path file = plan.workingDir().resolve(program);
    if (!Files.isRegularFile(file)) {
      return;
    }
    byte[] head = ProcFs.read(file.toString(), 256);
    if (head == null || head.length < 3 || head[0] != '#' || head[1] != '!') {
      return;
    }
    String line = new String(head, 2, head.length - 2, StandardCharsets.UTF_8).split("\n", 2)[0];
    String interpreter = line.strip().split("\\s+", 2)[0];
    if (interpreter.isEmpty() || Files.isExecutable(Path.of(interpreter))) {
      return;
    }
    throw new ProcessStartException(
        startFailure(
            plan,
            "cannot execute "
                + program
                + "; its #! line names the interpreter '"
                + interpreter
                + "', which "
                + (Files.exists(Path.of(interpreter)) ? "is not executable" : "does not exist")));
  }

  private static String osReason(Exception e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("error=");
    return i >= 0 ? m.substring(i) : m;
  }

  static String safeFileName(String name) {
    int length = Math.min(name.length(), 80);
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      boolean safe =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      out[i] = safe ? c : '_';
    }
    return new String(out);
  }
}
