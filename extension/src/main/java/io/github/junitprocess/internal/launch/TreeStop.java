package io.github.junitprocess.internal.launch;

import io.github.junitprocess.Signal;
import io.github.junitprocess.internal.os.ProcFs;
import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.teardown.PidWindow;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Signals and stops one process's tree: the signal to the whole group or tree, the graceful stop
 * (signal, grace, then KILL until nothing is left) and the search for descendants that left the
 * tree, found by the process's marker. The tree itself is found and signalled by pid and start time
 * ({@link TreeKiller}); this class keeps what a stop needs to remember between its steps.
 */
final class TreeStop {
  /**
   * How long a graceful stop waits for the exit before it reads the process's state, to continue it
   * if someone else stopped it (a stop of our own is continued at once).
   */
  private static final long STATE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final ManagedProcess root;
  private final Process process;
  private final long pid;
  private final String cookie;
  private final boolean groupLeader;

  /**
   * Opened just before the spawn of a long-running process (null for one run to completion): when
   * no pid but our own spawns came to be since, nothing can have escaped its tree, and a stop skips
   * the scan of /proc for escapees.
   */
  private final PidWindow window;

  /** Set by a STOP signal, cleared by CONT: a stop must continue the tree for TERM to act. */
  private volatile boolean suspended;

  /** The tree as the graceful step saw it, so the KILL step reaches members that left since. */
  private volatile List<TreeKiller.Member> lastTree = List.of();

  TreeStop(
      ManagedProcess root, Process process, String cookie, boolean groupLeader, PidWindow window) {
    this.root = root;
    this.process = process;
    this.pid = process.pid();
    this.cookie = cookie;
    this.groupLeader = groupLeader;
    this.window = window;
  }

  /** {@code signal} to the whole group where the process leads one, else to its tree. */
  void signal(Signal signal) {
    if (signal == Signal.STOP || signal == Signal.CONT) {
      suspended = signal == Signal.STOP;
    }
    if (process.isAlive() && groupLeader && signal != Signal.KILL && leadsItsGroup()) {
      TreeKiller.sendToGroup(pid, signal);
      return;
    }
    List<TreeKiller.Member> targets = new ArrayList<>();
    if (process.isAlive()) {
      TreeKiller.member(pid).ifPresent(targets::add);
      targets.addAll(TreeKiller.descendants(pid));
    } else {
      targets.addAll(TreeKiller.marked(Set.of(cookie), root.knownStartTicks(), pid));
    }
    TreeKiller.send(targets, signal);
  }

  /** {@code signal} to the process itself only, while it runs. */
  void signalRoot(Signal signal) {
    if (process.isAlive()) {
      TreeKiller.member(pid).ifPresent(m -> TreeKiller.send(List.of(m), signal));
    }
  }

  /**
   * {@link #stop(Signal, Duration, boolean)} with the sweep only where descendants may have left
   * the tree (setsid, double fork): when a handle's stop returns, nothing it started may be left. A
   * process run to completion may have escapees when it had already exited (its tree is gone); a
   * long-running one when a pid came to be since it was spawned that is neither one of our spawns
   * nor a member of its tree that the stop found. That is decided once nothing of the tree is left,
   * when no member can fork any more, so a fork while handling the signal is counted too (for a
   * lone root: decided while it exits, and again after its exit if a pid was handed out since).
   */
  boolean stop(Signal first, Duration grace) {
    boolean exitedBefore = !process.isAlive();
    return stop(
        first,
        grace,
        window != null,
        seen -> window == null ? exitedBefore : !window.onlyOurSpawnsAnd(seen, pid));
  }

  /**
   * {@code first} to every member, up to {@code grace} for them to exit, then KILL to whatever is
   * left, until all are gone; with {@code sweep}, also what carries the process's marker.
   *
   * @return true when everything is gone
   */
  boolean stop(Signal first, Duration grace, boolean sweep) {
    return stop(first, grace, false, seen -> sweep);
  }

  /** Whether to search for escapees by marker, given every member of the tree the stop found. */
  @FunctionalInterface
  private interface SweepDecision {
    boolean needed(List<TreeKiller.Member> seen);
  }

  /**
   * {@code sweepIfNeeded} is asked when nothing of the tree is left (see {@link #stop(Signal,
   * Duration)}).
   *
   * <p>The tree is read before the first signal, so that its members get it and the KILL step still
   * finds them once the root has gone, except when the process is alone: when every pid handed out
   * since its spawn went to one of our spawns, it cannot have forked, and its tree is itself (no
   * /proc walk). A fork after that check gives a pid that the sweep decision counts: that
   * descendant is then killed by its marker. With {@code byWindow}, {@code sweepIfNeeded} is that
   * same count, so for a lone root the check before the signal is its decision too, retaken after
   * the exit only if a pid was handed out since.
   */
  private boolean stop(
      Signal first, Duration grace, boolean byWindow, SweepDecision sweepIfNeeded) {
    if (process.isAlive()) {
      root.markStopRequested();
      if (first != Signal.KILL && !grace.isZero() && !grace.isNegative()) {
        long ticks = root.knownStartTicks();
        long quietPid = ticks > 0 && window != null ? window.lastPidIfOnlyOurSpawns() : -1;
        boolean alone = quietPid >= 0;
        ProcFs.Stat stat = alone || !ProcFs.AVAILABLE ? null : ProcFs.stat(pid);
        List<TreeKiller.Member> tree =
            alone ? List.of(new TreeKiller.Member(process.toHandle(), ticks)) : tree(stat);
        lastTree = tree;
        sendFirst(first, tree);
        // after the signal: the watcher's wake-up overlaps the exit instead of delaying the signal
        root.handOverExitWatch();
        try {
          return stopGracefully(first, grace, sweepIfNeeded, tree, byWindow ? quietPid : -1);
        } finally {
          root.resumeExitWatch();
        }
      }
    }
    return killRemaining(sweepIfNeeded, List.of(), lastTree);
  }

  /** The first signal of a graceful stop, and CONT after it if we had stopped the tree. */
  private void sendFirst(Signal first, List<TreeKiller.Member> tree) {
    try {
      TreeKiller.send(tree, first);
      if (first != Signal.CONT && suspended) {
        TreeKiller.send(tree, Signal.CONT); // stopped by us: it acts on first once continued
      }
    } catch (RuntimeException e) {
      // e.g. no kill command: KILL below still ends the tree
    }
  }

  /**
   * The rest of a graceful stop, once {@code first} was sent: the grace, then KILL to what is left.
   * {@code decidedAt} is the last pid handed out when the decision for a lone root was already
   * taken (no sweep), otherwise -1.
   */
  private boolean stopGracefully(
      Signal first,
      Duration grace,
      SweepDecision sweepIfNeeded,
      List<TreeKiller.Member> tree,
      long decidedAt) {
    boolean alone = tree.size() == 1;
    // a lone root's decision is taken while it exits (the other core is free then), or was taken
    // before the signal, and is taken again after the exit only if a pid was handed out since: a
    // fork while handling the signal
    long pidBefore = decidedAt;
    boolean sweep = false;
    if (decidedAt < 0) {
      pidBefore = alone && ProcFs.AVAILABLE ? ProcFs.lastPid() : -1;
      sweep = alone && sweepIfNeeded.needed(tree);
    }
    long graceNanos = Durations.waitNanos(grace);
    long deadline = System.nanoTime() + graceNanos;
    // one that has not exited soon may have been stopped by someone else: continue it then
    boolean checkLate = first != Signal.CONT && !suspended && STATE_CHECK_NANOS < graceNanos;
    try {
      if (!checkLate || !root.awaitExit(STATE_CHECK_NANOS)) {
        if (checkLate) {
          continueIfStopped(tree);
        }
        root.awaitExit(deadline - System.nanoTime()); // escalate below if still running
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // e.g. no kill command for CONT: KILL below still ends the tree
    }
    if (!alone) {
      boolean childrenGone = TreeKiller.awaitGone(tree.subList(1, tree.size()), deadline);
      // decides once the tree is gone; members seen gone need no second look
      return killRemaining(sweepIfNeeded, tree, childrenGone ? List.of() : tree);
    }
    if (!process.isAlive()) {
      // the root was the whole tree and the JDK has reaped it
      if (!sweep && (pidBefore < 0 || ProcFs.lastPid() != pidBefore)) {
        sweep = sweepIfNeeded.needed(tree);
      }
      if (!sweep) {
        root.closeStdin();
        return true;
      }
    }
    boolean decided = sweep;
    return killRemaining(process.isAlive() ? sweepIfNeeded : seen -> decided, tree, tree);
  }

  /**
   * {@code CONT} to the tree when the root's stat shows it stopped: it acts on the signal sent only
   * when continued. A STOP of our own is answered at once, without this check: the state would race
   * with a STOP that was sent but not yet acted on.
   */
  private void continueIfStopped(List<TreeKiller.Member> tree) {
    ProcFs.Stat stat = ProcFs.AVAILABLE ? ProcFs.stat(pid) : null;
    if (stat != null && stat.state == 'T') {
      TreeKiller.send(tree, Signal.CONT);
    }
  }

  /** False in the instant after spawn, before the setsid wrapper has made the new group. */
  private boolean leadsItsGroup() {
    ProcFs.Stat st = ProcFs.AVAILABLE ? ProcFs.stat(pid) : null;
    return st != null && st.pgrp == pid;
  }

  private List<TreeKiller.Member> tree() {
    return tree(ProcFs.AVAILABLE ? ProcFs.stat(pid) : null);
  }

  /** The root and its live descendants; {@code stat} is the root's, read just before. */
  private List<TreeKiller.Member> tree(ProcFs.Stat stat) {
    List<TreeKiller.Member> tree = new ArrayList<>();
    long ticks = root.startTicks(stat); // no second read for a process run to completion
    if (ticks > 0 || !ProcFs.AVAILABLE) {
      tree.add(new TreeKiller.Member(process.toHandle(), ticks));
    }
    tree.addAll(TreeKiller.descendants(pid, stat == null ? 0 : stat.threads));
    return tree;
  }

  /**
   * KILLs the tree until nothing of it is left, then, where {@code sweepIfNeeded} says so (asked
   * once, with every member seen, {@code seenBefore} included), what carries the process's marker,
   * until a search finds nothing. {@code mayRemain}: members found earlier that may still be alive
   * (and their descendants), besides the root's tree as it is now.
   */
  private boolean killRemaining(
      SweepDecision sweepIfNeeded,
      List<TreeKiller.Member> seenBefore,
      List<TreeKiller.Member> mayRemain) {
    long deadline = System.nanoTime() + TreeKiller.KILL_DEADLINE.toNanos();
    List<TreeKiller.Member> seen = new ArrayList<>(seenBefore);
    List<TreeKiller.Member> known = new ArrayList<>(mayRemain);
    Boolean sweep = null; // decided once the tree is gone
    while (true) {
      List<TreeKiller.Member> targets = new ArrayList<>();
      if (process.isAlive()) {
        targets.addAll(tree());
      }
      for (TreeKiller.Member m : known) {
        if (!m.isGone()) {
          targets.add(m);
          targets.addAll(TreeKiller.descendants(m.pid()));
        }
      }
      targets = TreeKiller.distinct(targets);
      // descendants and known members were each found alive just now; the root was not looked at
      targets.removeIf(m -> m.pid() == pid && m.isGone());
      seen.addAll(targets);
      if (targets.isEmpty() && !process.isAlive()) {
        if (sweep == null) {
          sweep = sweepIfNeeded.needed(TreeKiller.distinct(seen));
        }
        if (sweep) {
          // not its own pid as the bound: after a wrap-around its escapees have lower pids
          long firstPid = window == null ? pid : window.firstPid();
          // its group too: an escapee caught in its exec shows no marker for an instant
          targets =
              TreeKiller.marked(
                  Set.of(cookie),
                  root.knownStartTicks(),
                  firstPid,
                  groupLeader ? Set.of(pid) : Set.of());
        }
        if (targets.isEmpty()) {
          root.closeStdin();
          return true;
        }
      }
      if (process.isAlive()) {
        root.markStopRequested();
        process.destroyForcibly();
      }
      TreeKiller.send(targets, Signal.KILL);
      long shortWait = Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
      try {
        root.awaitExit(shortWait - System.nanoTime()); // checked below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // what was seen gone needs no second look
      known = TreeKiller.awaitGone(targets, shortWait) ? List.of() : targets;
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
    }
  }
}
