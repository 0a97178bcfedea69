package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Signal;
import io.github.junitprocess.internal.capture.LineWaiter;
import io.github.junitprocess.internal.capture.OutputCapture;
import io.github.junitprocess.internal.support.Problems;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread dump of a child JVM that was not ready in time (API §13): before it is killed it gets
 * {@code QUIT}, on which the JVM prints the stacks of all its threads to its stdout, so that its
 * log file shows where it hung; the timeout message shows the main thread's stack.
 */
final class ThreadDump {
  /** How long a JVM gets to print its dump; a JVM too busy even for that is killed without. */
  static final Duration WITHIN = Duration.ofSeconds(3);

  /** The line the JVM prints after the threads, before the heap summary. */
  private static final String END_OF_THREADS = "JNI global refs";

  private ThreadDump() {}

  /**
   * {@code timeout} with the main thread's stack of {@code p}, a child JVM still running, taken
   * with {@code QUIT}; {@code timeout} itself when {@code p} is no child JVM or no longer runs.
   */
  static ProcessTimeoutException add(ManagedProcess p, ProcessTimeoutException timeout) {
    if (!p.plan().childJvm() || !p.isAlive()) {
      return timeout;
    }
    if (p.command().stream()
        .anyMatch(a -> a.equals("-Xrs") || a.equals("-XX:+ReduceSignalUsage"))) {
      return timeout; // QUIT would end it without a dump
    }
    String section = dumpSection(p);
    return Problems.retold(
        timeout, new ProcessTimeoutException(timeout.getMessage() + section, timeout.getCause()));
  }

  private static String dumpSection(ManagedProcess p) {
    OutputCapture out = p.stdoutCapture();
    int before = countEnds(out.lines());
    int[] seen = {0};
    LineWaiter end = out.register(line -> line.startsWith(END_OF_THREADS) && ++seen[0] > before);
    try {
      p.signalJvm(Signal.QUIT);
      CompletableFuture.anyOf(end.match, p.exitFuture())
          .get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // no dump in time: said below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      out.unregister(end);
    }
    if (!end.match.isDone()) {
      return "\n  thread dump: none; the JVM did not answer QUIT within "
          + WITHIN.toSeconds()
          + "s";
    }
    List<String> main = mainThread(out.lines());
    StringBuilder s =
        new StringBuilder(
            "\n  main thread, from the thread dump taken with QUIT before the kill (the whole dump is"
                + " in the stdout log):");
    if (main.isEmpty()) {
      s.append("\n    (no \"main\" thread in the dump: main() has returned)");
    }
    for (String line : main) {
      s.append("\n    ").append(line.replace('\t', ' ').stripTrailing());
    }
    return s.toString();
  }

  private static int countEnds(List<String> lines) {
    int n = 0;
    for (String line : lines) {
      if (line.startsWith(END_OF_THREADS)) {
        n++;
      }
    }
    return n;
  }

  /** The lines of the last {@code "main"} thread block of a dump: its header up to a blank line. */
  static List<String> mainThread(List<String> lines) {
    int start = -1;
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("\"main\" ")) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return List.of();
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).isBlank()) {
      end++;
    }
    return lines.subList(start, end);
  }
}
