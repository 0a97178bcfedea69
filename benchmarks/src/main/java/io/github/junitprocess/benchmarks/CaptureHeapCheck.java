package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessResult;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Heap while a child writes 1 GiB to stdout: live heap (used right after a full GC) sampled every
 * 100 ms while the child runs, minus the live heap just before it. A sample counts only when the
 * child is still running once it has been taken, so that none includes the result, which is built
 * after the child's exit: what the result holds is {@code retainedAfter}, the live heap once the
 * capture has returned, with its result still reachable. Not a JMH benchmark (it measures bytes,
 * not time); {@link BenchmarkSuite} runs it in a fresh JVM. Prints one line per subject: {@code
 * heap <subject> peakAboveBaseline=<bytes> retainedAfter=<bytes>}.
 */
public final class CaptureHeapCheck {
  static final long SIZE = 1L << 30;
  private static final long SAMPLE_NANOS = 100_000_000L;
  private static final String[] COMMAND = {"head", "-c", Long.toString(SIZE), "/dev/zero"};

  private CaptureHeapCheck() {}

  public static void main(String[] args) throws Exception {
    try (BenchmarkScope scope = new BenchmarkScope("heap check")) {
      // load the classes of both paths first, so the baseline is the steady state
      new ProcessBuilder("head", "-c", "1000000", "/dev/zero")
          .start()
          .getInputStream()
          .transferTo(OutputStream.nullOutputStream());
      scope.processes().run("head", "-c", "1000000", "/dev/zero");
      scope.deleteLogs();

      measure(
          "rawProcessBuilder",
          () -> {
            Process p = new ProcessBuilder(COMMAND).start();
            long n = p.getInputStream().transferTo(OutputStream.nullOutputStream());
            Checks.exitedZero(p.waitFor(), "head");
            Checks.equal(SIZE, n, "bytes read");
            return p;
          });
      measure(
          "junitProcess",
          () -> {
            ProcessResult r = scope.processes().run(COMMAND);
            Checks.exitedZero(r.exitCode(), "head");
            return r;
          });
      scope.deleteLogs();
    }
  }

  private interface Capture {
    Object run() throws Exception;
  }

  private static void measure(String subject, Capture capture) throws Exception {
    long baseline = liveHeap();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                long live = liveHeap();
                if (childRunning()) { // so the sample was taken during the capture
                  peak.accumulateAndGet(live, Math::max);
                }
                LockSupport.parkNanos(SAMPLE_NANOS);
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Object result;
    try {
      result = capture.run();
    } finally {
      done.set(true);
      sampler.join();
    }
    long retained = liveHeap() - baseline;
    Reference.reachabilityFence(result); // what a test holds after the capture counts as retained
    System.out.println(
        "heap "
            + subject
            + " peakAboveBaseline="
            + (peak.get() - baseline)
            + " retainedAfter="
            + retained);
  }

  /** Whether the child writing the 1 GiB ({@link #COMMAND}) runs. */
  private static boolean childRunning() {
    String size = COMMAND[2];
    return ProcessHandle.current()
        .children()
        .anyMatch(h -> h.info().arguments().map(a -> List.of(a).contains(size)).orElse(false));
  }

  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
