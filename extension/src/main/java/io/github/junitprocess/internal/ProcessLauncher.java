package io.github.junitprocess.internal;

import io.github.junitprocess.ProcessStartException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spawns a {@link LaunchPlan}: checks the program, working directory and stdin first (so failures
 * say why), marks the process with its cookie, starts long-running processes in their own session
 * where {@code setsid} exists, and starts the output pumps before anything else can block.
 */
final class ProcessLauncher {
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final String SETSID = findSetsid();

  /** Programs found on PATH, by PATH, working directory and name. */
  private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

  private ProcessLauncher() {}

  static ManagedProcess start(LaunchPlan plan, long captureLimit) {
    Path cwd = plan.workingDir;
    if (!Files.isDirectory(cwd)) {
      throw new ProcessStartException(
          startFailure(
              plan,
              Files.exists(cwd)
                  ? "the working directory is not a directory"
                  : "the working directory does not exist"));
    }
    if (plan.stdin != null && !Files.isReadable(plan.stdin)) {
      throw new ProcessStartException(
          startFailure(
              plan,
              "the stdin file "
                  + plan.stdin
                  + (Files.exists(plan.stdin) ? " is not readable" : " does not exist")));
    }
    ProcessBuilder pb = new ProcessBuilder();
    Map<String, String> env = pb.environment();
    if (!plan.inheritEnv) {
      env.clear();
    }
    for (String key : plan.removedEnv) {
      env.remove(key);
    }
    env.putAll(plan.env);
    String cookie = Cookies.next();
    env.put(Cookies.ENV, cookie);

    List<String> argv = new ArrayList<>(plan.command.size() + 1);
    boolean group = plan.ownGroup && SETSID != null;
    if (group) {
      argv.add(SETSID);
    }
    argv.add(WINDOWS ? plan.command.get(0) : resolveProgram(plan, env.get("PATH")));
    argv.addAll(plan.command.subList(1, plan.command.size()));
    pb.command(argv).directory(cwd.toFile()).redirectErrorStream(plan.mergeStderr);
    if (plan.stdin != null) {
      pb.redirectInput(plan.stdin.toFile());
    }

    long startNanos = System.nanoTime();
    Process process;
    try {
      process = OwnedProcesses.start(pb);
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new ProcessStartException(startFailure(plan, osReason(e)), e);
    }
    String base = safeFileName(plan.name) + "-" + process.pid();
    boolean logs = plan.logDir != null;
    OutputCapture out =
        new OutputCapture(
            "stdout",
            captureLimit,
            logs ? new LogFile(plan.logDir, base, "stdout") : LogFile.disabled(),
            plan.stdoutListener);
    OutputCapture err =
        plan.mergeStderr
            ? OutputCapture.empty(
                "stderr", logs ? new LogFile(plan.logDir, base, "stderr") : LogFile.disabled())
            : new OutputCapture(
                "stderr",
                captureLimit,
                logs ? new LogFile(plan.logDir, base, "stderr") : LogFile.disabled(),
                plan.stderrListener);
    out.startPump(process.getInputStream(), "junit-process-stdout-" + base);
    if (!plan.mergeStderr) {
      err.startPump(process.getErrorStream(), "junit-process-stderr-" + base);
    }
    ManagedProcess managed = new ManagedProcess(plan, process, cookie, group, out, err, startNanos);
    if (plan.input != null) {
      feed(managed, process.getOutputStream(), plan.input, base);
    } else if (plan.closeStdin) {
      managed.closeStdin();
    }
    return managed;
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

  /** The program as an absolute path, with a message that says why when there is none. */
  private static String resolveProgram(LaunchPlan plan, String childPath) {
    String program = plan.command.get(0);
    if (program.contains("/")) {
      Path p = plan.workingDir.resolve(program);
      checkExecutable(plan, p);
      return program;
    }
    String path = childPath != null ? childPath : System.getenv("PATH");
    if (path == null) {
      path = "/usr/bin:/bin";
    }
    String key = path + '\0' + plan.workingDir + '\0' + program;
    String known = RESOLVED.get(key);
    if (known != null && Files.isExecutable(Path.of(known))) {
      return known; // one stat instead of a walk along PATH; a vanished program is looked up again
    }
    for (String dir : path.split(File.pathSeparator, -1)) {
      Path candidate =
          (dir.isEmpty() ? plan.workingDir : plan.workingDir.resolve(dir)).resolve(program);
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
        + plan.name
        + "': "
        + reason
        + "\n  command: "
        + Messages.commandLine(plan.command)
        + "\n  working dir: "
        + plan.workingDir;
  }

  private static String osReason(Exception e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("error=");
    return i >= 0 ? m.substring(i) : m;
  }

  static String safeFileName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  private static String findSetsid() {
    if (WINDOWS) {
      return null;
    }
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }
}
