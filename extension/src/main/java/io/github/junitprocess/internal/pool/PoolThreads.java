package io.github.junitprocess.internal.pool;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one pool: at most {@code size} daemon threads named after the pool, made on demand
 * and ended when idle for a while or when the pool shuts the executor down at close.
 */
public final class PoolThreads {
  /** Prefix of every pool thread's name. */
  static final String PREFIX = "junit-process-pool-";

  private static final long IDLE_SECONDS = 10;

  private PoolThreads() {}

  static ThreadPoolExecutor executor(String poolName, String role, int size) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size,
            size,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name(poolName, role + "-" + count.incrementAndGet()));
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true); // an idle class-scope pool holds no threads
    return executor;
  }

  static String name(String poolName, String what) {
    return PREFIX + poolName + "-" + what;
  }
}
