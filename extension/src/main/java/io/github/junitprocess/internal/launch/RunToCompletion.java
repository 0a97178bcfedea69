package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Signal;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a run-to-completion process ({@code ProcessResult} injection, {@code processes.run}, a
 * pool task) within its startup timeout: the one path all of them take.
 */
public final class RunToCompletion {
  /** Beyond a stop's grace, how long a stop under way may take to end the process. */
  private static final Duration STOP_MARGIN = TreeKiller.KILL_DEADLINE.plusSeconds(1);

  private RunToCompletion() {}

  /**
   * The result of {@code p} once it exits. When it is still running at its startup timeout but
   * {@code beingStopped} says a stop is under way, the stop is given its grace to end it.
   *
   * @param what {@code process 'x'}, {@code task 'x' of pool 'y'}: what the messages wait for
   * @throws ProcessTimeoutException when it did not finish in time; its tree is killed first
   * @throws ProcessException when the waiting thread is interrupted; its tree is killed first
   */
  public static ProcessResult await(ManagedProcess p, String what, BooleanSupplier beingStopped) {
    Duration timeout = p.plan().startupTimeout();
    boolean exited;
    try {
      exited = p.awaitExit(ReadinessWaiter.startupWaitNanos(p.plan()));
      if (!exited && beingStopped.getAsBoolean()) {
        exited = p.awaitExit(p.plan().stopTimeout().plus(STOP_MARGIN).toNanos());
      }
    } catch (InterruptedException e) {
      p.terminate(Signal.KILL, Duration.ZERO, true);
      Thread.currentThread().interrupt();
      throw new ProcessException(
          ProcessMessages.interrupted(p, "waiting for " + what + " to finish"), e);
    }
    if (!exited) {
      p.markStartFailed();
      ProcessTimeoutException failure =
          ThreadDump.add(
              p,
              new ProcessTimeoutException(
                  ProcessMessages.startTimeout(p, "waiting for " + what + " to finish", timeout)));
      p.terminate(Signal.KILL, Duration.ZERO, true);
      throw failure;
    }
    return p.resultNow();
  }
}
