package io.github.junitprocess.internal.capture;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that pump output and run exit hooks. Reused across processes (spawning a
 * thread per stream is measurable); a pumping thread lives as long as its stream.
 */
public final class CaptureThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  public static final ExecutorService EXECUTOR =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "junit-process-capture-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private CaptureThreads() {}
}
