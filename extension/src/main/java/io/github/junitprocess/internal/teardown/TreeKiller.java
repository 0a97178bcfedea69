package io.github.junitprocess.internal.teardown;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessIOException;
import io.github.junitprocess.Signal;
import io.github.junitprocess.internal.os.Executables;
import io.github.junitprocess.internal.os.OwnedProcesses;
import io.github.junitprocess.internal.os.ProcFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds and signals process trees. Every target is a {@link Member}: a pid plus the start time it
 * had when found, so a recycled pid is never signalled (the JDK's {@code destroy} checks the start
 * time; the {@code kill} command path re-checks it just before).
 */
public final class TreeKiller {
  /** Longest time spent killing a tree before giving up and reporting it. */
  public static final java.time.Duration KILL_DEADLINE = java.time.Duration.ofSeconds(5);

  private static final String KILL_COMMAND = Executables.find("kill");

  private TreeKiller() {}

  /** A process found in a tree or a sweep. */
  public static final class Member {
    public final ProcessHandle handle;
    final long startTicks;

    public Member(ProcessHandle handle, long startTicks) {
      this.handle = handle;
      this.startTicks = startTicks;
    }

    public long pid() {
      return handle.pid();
    }

    public boolean isGone() {
      if (ProcFs.AVAILABLE) {
        return ProcFs.isGone(handle.pid(), startTicks);
      }
      return !handle.isAlive();
    }
  }

  public static Optional<Member> member(long pid) {
    long ticks = ProcFs.AVAILABLE ? ProcFs.startTicks(pid) : 0;
    if (ticks < 0) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).map(h -> new Member(h, ticks));
  }

  /** The live descendants of {@code pid}, parents before children. */
  public static List<Member> descendants(long pid) {
    return descendants(pid, 0);
  }

  /**
   * The live descendants of {@code pid}, parents before children, when {@code pid} has {@code
   * threads} threads (0 when unknown). One {@code stat} read per descendant gives its start time,
   * whether it is gone, and how to list its own children.
   */
  public static List<Member> descendants(long pid, int threads) {
    List<Member> out = new ArrayList<>();
    if (ProcFs.CHILDREN_LISTED) {
      List<Long> found = new ArrayList<>();
      ProcFs.addChildren(pid, threads, found);
      for (int i = 0; i < found.size(); i++) {
        long child = found.get(i);
        ProcFs.Stat st = ProcFs.stat(child);
        if (st == null || st.isGone()) {
          continue; // a zombie's children have already gone to a new parent
        }
        ProcessHandle.of(child).ifPresent(h -> out.add(new Member(h, st.startTicks)));
        ProcFs.addChildren(child, st.threads, found);
      }
    } else {
      ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> out.add(new Member(d, 0))));
    }
    return out;
  }

  /**
   * Live processes of this machine carrying one of {@code cookies}, started no earlier than {@code
   * minStartTicks}. Linux only; elsewhere empty.
   */
  public static List<Member> marked(Set<String> cookies, long minStartTicks) {
    return marked(cookies, minStartTicks, 0);
  }

  /**
   * Like {@link #marked(Set, long)}, looking only at pids from {@code minPid} on, the pid of the
   * oldest process that could have spread the cookies: pids are handed out in increasing order, so
   * unless they wrapped around since (then everything is scanned) nothing below can be a
   * descendant.
   */
  public static List<Member> marked(Set<String> cookies, long minStartTicks, long minPid) {
    return marked(cookies, minStartTicks, minPid, Set.of());
  }

  /**
   * Like {@link #marked(Set, long, long)}, also finding the members of the process groups {@code
   * groups} by their group alone: a process in the middle of an {@code exec} shows an empty
   * environment for an instant, so its marker cannot be read then, while its group can. Only
   * descendants of a group's leader can be in its group. Groups are matched only while pids have
   * not wrapped around since {@code minPid} (then a later session could have a leader's pid).
   */
  public static List<Member> marked(
      Set<String> cookies, long minStartTicks, long minPid, Set<Long> groups) {
    if (cookies.isEmpty()) {
      return new ArrayList<>();
    }
    long lastPid = ProcFs.AVAILABLE ? ProcFs.lastPid() : -1;
    // no bound given, or pids wrapped around since it: every pid is scanned, groups are not matched
    boolean unbounded = lastPid < minPid || minPid <= 0;
    return marked(
        cookies::contains, minStartTicks, unbounded ? 0 : minPid, unbounded ? Set.of() : groups);
  }

  /** Live processes carrying a cookie of this JVM's run. */
  static List<Member> markedByRun() {
    return marked(Cookies::ofThisRun, 0, 0, Set.of());
  }

  private static List<Member> marked(
      java.util.function.Predicate<String> cookie,
      long minStartTicks,
      long fromPid,
      Set<Long> groups) {
    List<Member> out = new ArrayList<>();
    if (!ProcFs.AVAILABLE) {
      return out;
    }
    long self = ProcessHandle.current().pid();
    for (long pid : ProcFs.allPids()) {
      if (pid == self || pid < fromPid) {
        continue;
      }
      ProcFs.Stat st = ProcFs.stat(pid);
      if (st == null || st.isGone() || st.startTicks < minStartTicks) {
        continue;
      }
      if (groups.contains(st.pgrp) || carries(pid, cookie)) {
        ProcessHandle.of(pid).ifPresent(h -> out.add(new Member(h, st.startTicks)));
      }
    }
    return out;
  }

  private static boolean carries(long pid, java.util.function.Predicate<String> cookie) {
    String value = ProcFs.environValue(pid, Cookies.ENV_EQUALS);
    return value != null && cookie.test(value);
  }

  /**
   * KILLs every live process carrying one of {@code cookies}, or in one of {@code groups} (see
   * {@link #marked(Set, long, long, Set)}) until none is left: the processes that escaped their
   * trees.
   *
   * @throws ProcessException naming {@code owner} when some could not be killed in time
   */
  public static void killMarked(
      Set<String> cookies, long minStartTicks, long minPid, Set<Long> groups, String owner) {
    long deadline = System.nanoTime() + KILL_DEADLINE.toNanos();
    while (true) {
      List<Member> escaped = marked(cookies, minStartTicks, minPid, groups);
      if (escaped.isEmpty()) {
        return;
      }
      send(escaped, Signal.KILL);
      awaitGone(escaped, Math.min(deadline, System.nanoTime() + 500_000_000L));
      if (System.nanoTime() - deadline > 0) {
        throw new ProcessException(
            "could not kill " + escaped.size() + " escaped processes of " + owner);
      }
    }
  }

  /** Sends {@code signal} to each member that is still the process it was. */
  public static void send(Collection<Member> targets, Signal signal) {
    if (signal == Signal.TERM || signal == Signal.KILL) {
      for (Member m : targets) {
        if (signal == Signal.KILL) {
          m.handle.destroyForcibly();
        } else {
          m.handle.destroy();
        }
      }
      return;
    }
    List<String> pids = new ArrayList<>();
    for (Member m : targets) {
      if (!m.isGone()) {
        pids.add(Long.toString(m.pid()));
      }
    }
    if (!pids.isEmpty()) {
      runKill(signal, pids);
    }
  }

  /** Sends {@code signal} to every member of process group {@code pgid}. */
  public static void sendToGroup(long pgid, Signal signal) {
    runKill(signal, List.of("--", "-" + pgid));
  }

  private static void runKill(Signal signal, List<String> targets) {
    if (KILL_COMMAND == null) {
      throw new UnsupportedOperationException(
          "sending " + signal + " needs the 'kill' command, which this platform does not have");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(KILL_COMMAND);
    cmd.add("-s");
    cmd.add(signal.name());
    cmd.addAll(targets);
    try {
      Process p = OwnedProcesses.start(new ProcessBuilder(cmd).redirectErrorStream(true));
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      if (p.exitValue() != 0 && !new String(out).contains("No such process")) {
        throw new ProcessIOException(
            "could not send " + signal + " to " + targets + ": " + new String(out).strip());
      }
    } catch (IOException e) {
      throw new ProcessIOException("could not run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessIOException("interrupted while sending " + signal + " to " + targets, e);
    }
  }

  /**
   * Waits until every member is gone or the deadline passes. These are not children of the JVM, so
   * there is no exit event to wait on: /proc is polled with a short backoff.
   */
  public static boolean awaitGone(Collection<Member> members, long deadlineNanos) {
    List<Member> pending = new ArrayList<>(members);
    long pause = 50_000; // 50 µs, doubling to 20 ms
    while (true) {
      pending.removeIf(Member::isGone);
      if (pending.isEmpty()) {
        return true;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LockSupport.parkNanos(Math.min(pause, left));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return false;
      }
      pause = Math.min(pause * 2, 20_000_000);
    }
  }

  /** Deduplicates by pid, keeping the first occurrence (parents before children). */
  public static List<Member> distinct(List<Member> members) {
    Map<Long, Member> byPid = new LinkedHashMap<>();
    for (Member m : members) {
      byPid.putIfAbsent(m.pid(), m);
    }
    return new ArrayList<>(byPid.values());
  }
}
