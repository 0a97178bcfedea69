package io.github.junitprocess.internal.capture;

import io.github.junitprocess.internal.support.DaemonThreads;
import java.util.concurrent.ExecutorService;

/**
 * The daemon threads that pump output and run exit hooks. Reused across processes (spawning a
 * thread per stream is measurable); a pumping thread lives as long as its stream.
 */
public final class CaptureThreads {
  /** Owned by the JVM: never shut down, its threads end after 30 s idle. */
  public static final ExecutorService EXECUTOR = DaemonThreads.unbounded("capture", 30);

  private CaptureThreads() {}
}
