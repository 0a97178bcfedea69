package io.github.junitprocess.internal.teardown;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Marks every spawned process with an environment variable, {@code JUNIT_PROCESS_ID=<run>-<n>},
 * that its descendants inherit. A process that escaped its tree ({@code setsid}, double fork) is
 * still found by the marker in {@code /proc/PID/environ}.
 */
public final class Cookies {
  public static final String ENV = "JUNIT_PROCESS_ID";
  public static final byte[] ENV_EQUALS = (ENV + "=").getBytes(StandardCharsets.US_ASCII);

  /** Unique to this JVM: its pid and a random part, so concurrent test JVMs never collide. */
  static final String RUN =
      ProcessHandle.current().pid()
          + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Cookies() {}

  public static String next() {
    return RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** {@code true} when {@code value} marks a process of this JVM's run. */
  public static boolean ofThisRun(String value) {
    return value != null && value.startsWith(RUN + "-");
  }
}
