package io.github.junitprocess.internal.launch;

import io.github.junitprocess.Signal;
import io.github.junitprocess.internal.os.Executables;
import io.github.junitprocess.internal.os.OwnedProcesses;
import io.github.junitprocess.internal.support.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Gives the processes the extension starts the default action for the signals that the test JVM
 * itself ignores.
 *
 * <p>A signal that is ignored when a program starts stays ignored in every program it execs
 * (POSIX). A build started by {@code nohup}, or as a background job of a script, runs its test JVM
 * with {@code HUP}, {@code INT} and {@code QUIT} ignored, and would pass that on: a server under
 * test could then not be stopped with {@code INT} nor reloaded with {@code HUP}, and a shell cannot
 * even trap them. Where the JVM ignores one of the {@link Signal}s, processes are started through
 * {@code env --default-signal=...} (GNU coreutils 8.31 and later), which restores the default
 * action and then execs the program, keeping its pid. Everywhere else nothing changes and nothing
 * is spawned to find out: the check is one read of {@code /proc/self/status}.
 */
public final class IgnoredSignals {
  private static final List<String> PREFIX = prefix();

  private IgnoredSignals() {}

  /**
   * The command words to put before a program so that it starts with the default action for the
   * signals this JVM ignores; empty when the JVM ignores none of them, or when they cannot be reset
   * (then a warning was printed once).
   */
  static List<String> resetPrefix() {
    return PREFIX;
  }

  private static List<String> prefix() {
    List<Signal> ignored = ignoredByThisJvm();
    if (ignored.isEmpty()) {
      return List.of();
    }
    String names = ignored.stream().map(Signal::name).collect(Collectors.joining(","));
    String env = Executables.find("env");
    if (env != null && works(env, names)) {
      return List.of(env, "--default-signal=" + names);
    }
    Warnings.print(
        "this JVM ignores SIG"
            + String.join(", SIG", names.split(","))
            + " (it was started by nohup or as a background job), and the processes it starts"
            + " inherit that: they cannot be stopped or signalled with "
            + (ignored.size() == 1 ? "it" : "these")
            + ". 'env --default-signal' (GNU coreutils 8.31+), which would reset them, is not"
            + " available. Start the build in the foreground, or use TERM as stop signal.");
    return List.of();
  }

  /** The signals of {@link Signal} whose bit is set in this process's {@code SigIgn} mask. */
  static List<Signal> ignoredByThisJvm() {
    long mask = ignoredMask(Path.of("/proc/self/status"));
    List<Signal> out = new ArrayList<>();
    for (Signal s : Signal.values()) {
      if ((mask & (1L << (s.number() - 1))) != 0) {
        out.add(s);
      }
    }
    return out;
  }

  /** The {@code SigIgn} mask of a {@code /proc/PID/status} file; 0 when it cannot be read. */
  static long ignoredMask(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith("SigIgn:")) {
          return Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux) or an unexpected format: nothing is known to be ignored
    }
    return 0;
  }

  /** Whether {@code env} knows {@code --default-signal} (BusyBox and older coreutils do not). */
  private static boolean works(String env, String names) {
    try {
      Process p =
          OwnedProcesses.start(
              new ProcessBuilder(env, "--default-signal=" + names, "true")
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD));
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
