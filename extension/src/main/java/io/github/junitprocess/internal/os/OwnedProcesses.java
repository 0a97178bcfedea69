package io.github.junitprocess.internal.os;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * The live processes this JVM's extension started itself, for the leak check. Every spawn goes
 * through {@link #start}, so the leak check never mistakes one of ours that is still being spawned
 * (a forked JVM or {@code jspawnhelper} that has not yet become the command) for a leak.
 */
public final class OwnedProcesses {
  private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong SPAWNS = new AtomicLong();

  // spawns share the read side; listing the JVM's children takes the write side
  private static final ReentrantReadWriteLock SPAWNING = new ReentrantReadWriteLock();

  /**
   * Whether the JDK closes a process's pipes itself once it has exited (its Unix implementation
   * does, on the thread that reaps the process): then closing stdin, stdout or stderr after the
   * exit is only a second close, contended with the JDK's own, and can be left to it.
   */
  public static final boolean PIPES_CLOSED_AT_EXIT =
      !System.getProperty("os.name", "").startsWith("Windows");

  private OwnedProcesses() {}

  /** Starts {@code builder}; the process is known as ours before any leak check can see it. */
  public static Process start(ProcessBuilder builder) throws IOException {
    SPAWNING.readLock().lock();
    try {
      Process p = builder.start();
      PIDS.add(p.pid()); // pruned when children are listed: no exit watcher per process
      SPAWNS.incrementAndGet();
      return p;
    } finally {
      SPAWNING.readLock().unlock();
    }
  }

  /** How many processes the extension has spawned in this JVM: each takes exactly one pid. */
  public static long spawns() {
    return SPAWNS.get();
  }

  /** The JVM's children: on Linux from its threads' children files, not a scan of all of /proc. */
  private static List<ProcessHandle> children() {
    if (!ProcFs.CHILDREN_LISTED) {
      return ProcessHandle.current().children().collect(Collectors.toList());
    }
    List<Long> pids = new ArrayList<>();
    ProcFs.addChildren(ProcessHandle.current().pid(), pids);
    List<ProcessHandle> out = new ArrayList<>(pids.size());
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(out::add);
    }
    return out;
  }

  /** The JVM's children that the extension did not start, listed while no spawn is under way. */
  public static List<ProcessHandle> foreignChildren() {
    SPAWNING.writeLock().lock();
    try {
      List<ProcessHandle> children = children();
      Set<Long> alive = children.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
      PIDS.retainAll(alive); // ours that are gone: forget them before their pids are reused
      return children.stream().filter(h -> !PIDS.contains(h.pid())).collect(Collectors.toList());
    } finally {
      SPAWNING.writeLock().unlock();
    }
  }
}
