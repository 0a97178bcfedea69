package io.github.junitprocess.internal.teardown;

import io.github.junitprocess.internal.os.Executables;
import io.github.junitprocess.internal.os.OwnedProcesses;
import io.github.junitprocess.internal.os.ProcFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Kills everything this JVM started when the JVM dies without tearing down: a small {@code sh}
 * sidecar in its own session reads registrations ({@code pid startTicks}, or {@code D path} for a
 * temp dir) on its stdin; at end-of-file (the JVM is gone, however it died) it KILLs each
 * registered process group whose leader still has the registered start time, then every process
 * carrying this run's cookie, then deletes the registered temp dirs that are still there. A
 * shutdown hook does the same for ordinary exits ({@code System.exit} mid-test).
 *
 * <p>Started lazily with the first process; {@code junit.process.reaper.enabled=false} turns it
 * off. Writes to it never block the test for long: a registration is one short line on a pipe.
 */
public final class Reaper {
  /** The sidecar's program, {@code reaper.sh} beside this class. */
  private static final String SCRIPT = script();

  private static Process sidecar;
  private static OutputStream channel;
  private static boolean failed;
  private static boolean hookInstalled;

  private Reaper() {}

  private static String script() {
    try (InputStream in = Reaper.class.getResourceAsStream("reaper.sh")) {
      if (in == null) {
        throw new IllegalStateException("reaper.sh is missing beside " + Reaper.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reaper.sh", e);
    }
  }

  /** Starts the sidecar and the shutdown hook once per JVM, when enabled. */
  public static synchronized void ensureStarted(boolean enabled) {
    if (!hookInstalled) {
      hookInstalled = true;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(Reaper::killEverything, "junit-process-shutdown"));
    }
    if (!enabled || sidecar != null || failed || !ProcFs.AVAILABLE) {
      return;
    }
    try {
      String sh = Objects.requireNonNullElse(Executables.find("sh"), "sh");
      String setsid = Executables.find("setsid");
      List<String> cmd =
          setsid != null
              ? List.of(setsid, sh, "-c", SCRIPT, "junit-process-reaper", Cookies.RUN)
              : List.of(sh, "-c", SCRIPT, "junit-process-reaper", Cookies.RUN);
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().remove(Cookies.ENV); // it belongs to no tree of ours
      sidecar = OwnedProcesses.start(pb);
      channel = sidecar.getOutputStream();
    } catch (IOException e) {
      failed = true; // the shutdown hook still covers ordinary exits
    }
  }

  /** The sidecar's pid, or -1 when it is not running. */
  public static synchronized long pid() {
    return sidecar == null ? -1 : sidecar.pid();
  }

  /**
   * Makes sure the sidecar runs, and registers the group a process leads, if it leads one: a
   * process run in its parent's group is found by its marker alone.
   */
  public static void register(boolean enabled, long pid, long startTicks, boolean leadsGroup) {
    ensureStarted(enabled);
    if (leadsGroup) {
      send(pid + " " + startTicks + "\n");
    }
  }

  /**
   * Makes sure the sidecar runs, and registers {@code dir} ({@code ${tempDir}}, {@code
   * ${tempDir.NAME}}) to be deleted once the processes are killed. A directory the scope deleted in
   * time is simply not found then.
   */
  public static void registerTempDir(boolean enabled, Path dir) {
    ensureStarted(enabled);
    String path = dir.toAbsolutePath().toString();
    if (path.indexOf('\n') < 0) { // one registration per line
      send("D " + path + "\n");
    }
  }

  private static synchronized void send(String line) {
    if (channel == null) {
      return;
    }
    try {
      channel.write(line.getBytes(StandardCharsets.UTF_8));
      channel.flush();
    } catch (IOException e) {
      channel = null; // the sidecar died; the shutdown hook remains
    }
  }

  /**
   * Ends the sidecar and forgets it, so that the next {@link #ensureStarted} starts a new one: for
   * a benchmark of the start-up. Closing its stdin is what the sidecar takes as "the JVM is gone",
   * so it kills what is still registered; call it with nothing running.
   */
  public static void discardSidecar() {
    Process old;
    OutputStream oldChannel;
    synchronized (Reaper.class) {
      old = sidecar;
      oldChannel = channel;
      sidecar = null;
      channel = null;
    }
    try {
      if (oldChannel != null) {
        oldChannel.close();
      }
      if (old != null) {
        old.waitFor();
      }
    } catch (IOException e) {
      // the sidecar is gone already
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills every process of this run still alive (shutdown hook). */
  static void killEverything() {
    if (!ProcFs.AVAILABLE) {
      return;
    }
    for (int round = 0; round < 3; round++) {
      List<TreeKiller.Member> left = TreeKiller.markedByRun();
      if (left.isEmpty()) {
        return;
      }
      TreeKiller.send(left, io.github.junitprocess.Signal.KILL);
      TreeKiller.awaitGone(left, System.nanoTime() + 1_000_000_000L);
    }
  }
}
