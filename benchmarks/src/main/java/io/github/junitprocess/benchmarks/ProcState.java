package io.github.junitprocess.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one definition of "gone" that baselines and sanity checks use, the library's own: a process
 * is gone when {@code /proc/PID/stat} is missing or says zombie ({@code Z}) or dead ({@code X}).
 * {@code ProcessHandle.isAlive()} is not used: it is true for a zombie, and zombies of reparented
 * processes linger until PID 1 reaps them.
 */
final class ProcState {
  /** Pause between two polls of a baseline that waits for processes to go. */
  private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private ProcState() {}

  static boolean isGone(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return true; // vanished while being read
    }
    int close = stat.lastIndexOf(')');
    char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : 'X';
    return state == 'Z' || state == 'X' || state == 'x';
  }

  /** Direct children of {@code pid} (all threads), from {@code /proc/PID/task/TID/children}. */
  static List<Long> children(long pid) {
    List<Long> out = new ArrayList<>();
    String[] tids = Path.of("/proc/" + pid + "/task").toFile().list();
    if (tids == null) {
      return out;
    }
    for (String tid : tids) {
      try {
        String list = Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/children"));
        for (String child : list.trim().split("\\s+")) {
          if (!child.isEmpty()) {
            out.add(Long.parseLong(child));
          }
        }
      } catch (IOException e) {
        // the thread ended while being read
      }
    }
    return out;
  }

  /** Polls until every pid is gone; false if {@code timeoutNanos} passed first. */
  static boolean awaitGone(Collection<Long> pids, long timeoutNanos) {
    List<Long> pending = new ArrayList<>(pids);
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      pending.removeIf(ProcState::isGone);
      if (pending.isEmpty()) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /**
   * Waits until {@code pid} runs {@code command} and sleeps in it ({@code (command) S} in {@code
   * /proc/PID/stat}): its exec is over, so a signal finds it idle. A ready line printed just before
   * an {@code exec} comes while the exec is still under way, and a signal then would time the
   * exec's rest too. Fails after 10 s.
   */
  static void awaitSleepingIn(long pid, String command) {
    String want = "(" + command + ") S";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String stat = "";
    while (System.nanoTime() - deadline < 0) {
      try {
        stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new IllegalStateException("process " + pid + " ended before it ran " + command, e);
      }
      if (stat.contains(want)) {
        return;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new IllegalStateException(
        "process " + pid + " not sleeping in " + command + " after 10 s: " + stat);
  }

  /** Fails when one of {@code pids} is still running: a benchmark must leave nothing behind. */
  static void requireGone(Collection<Long> pids, String what) {
    if (!awaitGone(pids, TimeUnit.SECONDS.toNanos(5))) {
      List<Long> left = new ArrayList<>(pids);
      left.removeIf(ProcState::isGone);
      throw new IllegalStateException(what + ": still running after 5 s: " + left);
    }
  }
}
