package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.ReadinessCheck;
import io.github.junitprocess.internal.capture.LineWaiter;
import io.github.junitprocess.internal.capture.OutputCapture;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.support.DaemonThreads;
import io.github.junitprocess.internal.support.Durations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits until a started process is ready: every condition of its plan holds, under one deadline. A
 * ready line is an event (the pump completes the wait); a port or a custom check has no event and
 * is polled with backoff, waking at once if the process exits. On failure the process tree is
 * killed before the exception is thrown.
 */
public final class ReadinessWaiter {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long CHECK_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /**
   * The threads that run custom readiness checks, one call each; owned by the JVM (never shut down,
   * idle threads end after 10 s). A call cut off at the deadline is interrupted and its thread
   * returns here when the check gives up.
   */
  private static final ExecutorService CHECKS = DaemonThreads.unbounded("ready-check", 10);

  /** The wait of a child JVM being debugged: no deadline that a test run would reach. */
  private static final long UNTIMED_NANOS = TimeUnit.DAYS.toNanos(365);

  private ReadinessWaiter() {}

  public static void await(ManagedProcess p) {
    LaunchPlan plan = p.plan();
    if (!plan.hasReadiness()) {
      return;
    }
    Duration timeout = plan.startupTimeout();
    long deadline = System.nanoTime() + startupWaitNanos(plan);
    try {
      if (plan.readyLine() != null) {
        awaitLine(p, plan, timeout, deadline);
      }
      if (plan.readyPort() > 0 || plan.readyCheck() != null) {
        poll(p, plan, timeout, deadline);
      }
    } catch (ProcessTimeoutException e) {
      p.markStartFailed();
      ProcessTimeoutException withStacks = ThreadDump.add(p, e);
      p.terminate(io.github.junitprocess.Signal.KILL, Duration.ZERO, true);
      throw withStacks;
    } catch (RuntimeException | Error e) {
      p.markStartFailed();
      p.terminate(io.github.junitprocess.Signal.KILL, Duration.ZERO, true);
      throw e;
    }
  }

  /**
   * How long the start of {@code plan} may take: its startup timeout, except for a child JVM being
   * debugged, which may sit at a breakpoint for as long as the developer likes.
   */
  static long startupWaitNanos(LaunchPlan plan) {
    return plan.debugPort() > 0 ? UNTIMED_NANOS : Durations.waitNanos(plan.startupTimeout());
  }

  static String describe(LaunchPlan plan) {
    List<String> parts = new ArrayList<>();
    if (plan.readyLine() != null) {
      parts.add("a line matching /" + plan.readyLine().pattern() + "/ on stdout or stderr");
    }
    if (plan.readyPort() > 0) {
      parts.add("a TCP connection to 127.0.0.1:" + plan.readyPort());
    }
    if (plan.readyCheck() != null) {
      parts.add("readiness check " + plan.readyCheck().getClass().getName());
    }
    return String.join(" and ", parts);
  }

  private static void awaitLine(
      ManagedProcess p, LaunchPlan plan, Duration timeout, long deadline) {
    OutputCapture out = p.stdoutCapture();
    OutputCapture err = p.stderrCapture();
    LineWaiter w1 = out.register(line -> plan.readyLine().matcher(line).find());
    LineWaiter w2 =
        plan.mergeStderr() ? null : err.register(line -> plan.readyLine().matcher(line).find());
    try {
      CompletableFuture<?> any =
          w2 == null
              ? CompletableFuture.anyOf(w1.match, p.exitFuture())
              : CompletableFuture.anyOf(w1.match, w2.match, p.exitFuture());
      try {
        any.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (!matched(w1, w2)) {
          throw new ProcessTimeoutException(
              ProcessMessages.startTimeout(
                  p,
                  "waiting for process '" + p.name() + "' to be ready: " + describe(plan),
                  timeout));
        }
      } catch (ExecutionException e) {
        // a predicate cannot fail here; fall through to the checks
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProcessException(ProcessMessages.interrupted(p, "waiting for readiness"), e);
      }
      if (!matched(w1, w2)) {
        out.awaitEnd(OutputCapture.DRAIN_GRACE);
        err.awaitEnd(Duration.ofMillis(20));
      }
      if (!matched(w1, w2)) {
        throw exited(p, plan);
      }
    } finally {
      out.unregister(w1);
      if (w2 != null) {
        err.unregister(w2);
      }
    }
  }

  private static boolean matched(LineWaiter w1, LineWaiter w2) {
    return w1.match.isDone() || (w2 != null && w2.match.isDone());
  }

  private static ProcessExitedException exited(ManagedProcess p, LaunchPlan plan) {
    return new ProcessExitedException(
        ProcessMessages.exitedWhileStarting(
            p, "starting up, before it was ready (awaited " + describe(plan) + ")"),
        p.resultNow());
  }

  private static void poll(ManagedProcess p, LaunchPlan plan, Duration timeout, long deadline) {
    long pause = FIRST_PAUSE_NANOS;
    Throwable lastError = null;
    boolean checkOverran = false;
    while (true) {
      boolean portReady = plan.readyPort() <= 0 || canConnect(plan.readyPort(), deadline);
      boolean checkReady = true;
      if (portReady && plan.readyCheck() != null) {
        try {
          Boolean answer = runCheck(p, plan.readyCheck(), deadline);
          checkOverran = answer == null;
          checkReady = Boolean.TRUE.equals(answer);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ProcessException(ProcessMessages.interrupted(p, "waiting for readiness"), e);
        } catch (Exception e) {
          checkReady = false;
          lastError = e;
        }
      }
      if (portReady && checkReady) {
        return;
      }
      if (!p.isAlive()) {
        throw exited(p, plan);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        String what = "waiting for process '" + p.name() + "' to be ready: " + describe(plan);
        if (!portReady) {
          what += " (port " + plan.readyPort() + " refused connections)";
        } else if (checkOverran && lastError == null) {
          what += " (the check had not returned by the deadline; it was interrupted)";
        } else if (lastError != null) {
          what += " (last check failure: " + lastError + ")";
        } else {
          what += " (the check kept returning false)";
        }
        ProcessTimeoutException e =
            new ProcessTimeoutException(ProcessMessages.startTimeout(p, what, timeout));
        if (lastError != null) {
          e.addSuppressed(lastError);
        }
        throw e;
      }
      try {
        p.exitFuture().get(Math.min(pause, left), TimeUnit.NANOSECONDS); // wakes on exit
      } catch (TimeoutException | ExecutionException e) {
        // next round
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProcessException(ProcessMessages.interrupted(p, "waiting for readiness"), e);
      }
      pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
    }
  }

  /**
   * Runs one call of {@code check} on a thread of {@link #CHECKS}, so that a check that blocks (a
   * request without a timeout) cannot hold the caller past the deadline or past the process's exit.
   *
   * @return the check's answer, or null when the deadline passed or the process exited first (the
   *     check's thread is then interrupted and left to end on its own)
   * @throws Exception what the check threw
   */
  private static Boolean runCheck(ManagedProcess p, ReadinessCheck check, long deadline)
      throws Exception {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    Future<?> call =
        CHECKS.submit(
            () -> {
              try {
                answer.complete(check.isReady(p));
              } catch (Throwable e) {
                answer.completeExceptionally(e);
              }
            });
    try {
      // a call begun just before the deadline still gets a moment to answer
      long wait = Math.max(CHECK_GRACE_NANOS, deadline - System.nanoTime());
      CompletableFuture.anyOf(answer, p.exitFuture()).get(wait, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // the deadline passed while the check ran
    } catch (ExecutionException e) {
      // the exit watcher cannot fail; the check's own failure is read below
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    }
    if (!answer.isDone()) {
      call.cancel(true); // interrupts the check's thread
      return null;
    }
    try {
      return answer.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException) { // the check's own affair, not the caller's
        throw new IllegalStateException("the check was interrupted", cause);
      }
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw (Error) cause;
    }
  }

  private static boolean canConnect(int port, long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    int connectTimeout = (int) Math.max(1, Math.min(left, 1000));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), connectTimeout);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
