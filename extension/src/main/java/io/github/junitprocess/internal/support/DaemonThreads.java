package io.github.junitprocess.internal.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way the engine makes threads: daemon threads (a test run never waits for one at JVM exit)
 * named {@code junit-process-<role>-<n>}, so that a thread dump says whose each one is. Every
 * executor made here has one owner that shuts it down or, for the JVM-wide ones, lets idle threads
 * end after a while.
 */
public final class DaemonThreads {
  /** Prefix of every thread the engine makes. */
  public static final String PREFIX = "junit-process-";

  private DaemonThreads() {}

  /** Daemon threads named {@code junit-process-<role>-1}, {@code -2}, … */
  public static ThreadFactory named(String role) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, PREFIX + role + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * An executor that runs each task at once on an idle thread or a new one (no queue), and ends
   * threads idle for {@code idleSeconds}: for tasks that block for as long as they run (pumping a
   * stream, waiting for a readiness check, stopping a process).
   */
  public static ThreadPoolExecutor unbounded(String role, long idleSeconds) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, idleSeconds, TimeUnit.SECONDS, new SynchronousQueue<>(), named(role));
  }

  /**
   * An executor of at most {@code size} threads over {@code queue}, made on demand and ended when
   * idle for {@code idleSeconds}: an idle owner holds no threads.
   */
  public static ThreadPoolExecutor bounded(
      String role, int size, long idleSeconds, BlockingQueue<Runnable> queue) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(size, size, idleSeconds, TimeUnit.SECONDS, queue, named(role));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
