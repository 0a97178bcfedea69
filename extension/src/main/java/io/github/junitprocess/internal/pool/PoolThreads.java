package io.github.junitprocess.internal.pool;

import io.github.junitprocess.internal.support.DaemonThreads;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The threads of one pool: at most {@code size} daemon threads named after the pool, made on demand
 * and ended when idle for a while or when the pool shuts the executor down at close.
 */
public final class PoolThreads {
  private static final long IDLE_SECONDS = 10;

  private PoolThreads() {}

  static ThreadPoolExecutor executor(String poolName, String role, int size) {
    // an idle class-scope pool holds no threads
    return DaemonThreads.bounded(
        role(poolName, role), size, IDLE_SECONDS, new LinkedBlockingQueue<>());
  }

  /**
   * A thread per task, at once, for tasks that block as long as they run (stopping a process); the
   * caller shuts it down when done.
   */
  static ThreadPoolExecutor unbounded(String poolName, String role) {
    return DaemonThreads.unbounded(role(poolName, role), IDLE_SECONDS);
  }

  private static String role(String poolName, String role) {
    return "pool-" + poolName + "-" + role;
  }

  static String name(String poolName, String what) {
    return DaemonThreads.PREFIX + role(poolName, what);
  }
}
