package io.github.junitprocess.internal.teardown;

import io.github.junitprocess.internal.os.OwnedProcesses;
import io.github.junitprocess.internal.os.ProcFs;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The pids handed out since a point in time, compared with the processes the extension spawned
 * since: each spawn takes exactly one pid, so when the two counts agree no other process (a
 * descendant, a daemon, a process the test started itself) can have appeared, and a scan of /proc
 * for one can be skipped. When they disagree, or off Linux, the caller scans.
 */
public final class PidWindow {
  private final long lastPid = ProcFs.AVAILABLE ? ProcFs.lastPid() : -1;
  private final long spawns = OwnedProcesses.spawns();

  /**
   * The first pid handed out after this window opened, a lower bound for every process since
   * (unless pids wrapped around, which {@link TreeKiller#marked(java.util.Set, long, long)} sees);
   * 0 when unknown.
   */
  public long firstPid() {
    return lastPid < 0 ? 0 : lastPid + 1;
  }

  /**
   * True when every pid handed out since this window opened went to one of our spawns or to one of
   * {@code members} other than {@code root} (one of our spawns): a process tree that its stop found
   * whole, whose forks are all accounted for, cannot have left a process outside it. A member that
   * came and went before it was seen, or a thread, makes the count differ: then false.
   */
  public boolean onlyOurSpawnsAnd(Collection<TreeKiller.Member> members, long root) {
    Set<Long> bornSince = new HashSet<>();
    for (TreeKiller.Member m : members) {
      if (m.pid() > lastPid && m.pid() != root) {
        bornSince.add(m.pid());
      }
    }
    return pidsHandedOutAre(bornSince.size());
  }

  /** True when every pid handed out since this window opened went to one of our spawns. */
  public boolean onlyOurSpawnsSince() {
    return pidsHandedOutAre(0);
  }

  /**
   * The pid the kernel handed out last, read now, when every pid handed out since this window
   * opened went to one of our spawns; -1 otherwise, or when unknown. A later read that gives the
   * same pid shows that no pid at all was handed out in between.
   */
  public long lastPidIfOnlyOurSpawns() {
    return lastPidIf(0);
  }

  /** True when the pids handed out since this window opened are our spawns and {@code others}. */
  private boolean pidsHandedOutAre(long others) {
    return lastPidIf(others) >= 0;
  }

  /** {@link #lastPidIfOnlyOurSpawns()} with {@code others} pids allowed besides our spawns. */
  private long lastPidIf(long others) {
    if (lastPid < 0) {
      return -1;
    }
    // spawns counted before the pids: a spawn is counted once its pid exists, so one under way
    // can only make the pids more (no match, a scan), never hide a pid that is not ours
    long spawned = OwnedProcesses.spawns() - spawns;
    long now = ProcFs.lastPid();
    long pids = now - lastPid;
    return now >= 0 && pids >= 0 && pids == spawned + others ? now : -1;
  }
}
