package io.github.junitprocess.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Pids of the live processes this JVM's extension started itself, for the leak check. */
final class OwnedProcesses {
  private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();

  private OwnedProcesses() {}

  static void add(Process p) {
    PIDS.add(p.pid());
    p.onExit().thenRun(() -> PIDS.remove(p.pid()));
  }

  static boolean contains(long pid) {
    return PIDS.contains(pid);
  }
}
