package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.pollinterval.IterativePollInterval;
import org.awaitility.pollinterval.PollInterval;

/**
 * The waiting behind {@code eventually()} and {@code within(...)}: on an event where the process
 * offers one (a line arrived, the process exited), else by Awaitility polling that stops as soon as
 * the process exits. Every wait ends at its deadline; none throws an assertion error itself.
 */
final class Waiting {
  /** How a wait ended. */
  enum Outcome {
    MET,
    EXITED,
    TIMED_OUT
  }

  private static final Duration MAX_POLL = Duration.ofMillis(100);

  // quick at first for output that is nearly there, then cheap for a long wait
  private static final PollInterval POLL =
      new IterativePollInterval(
          d -> {
            Duration next = d.multipliedBy(2);
            return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
          },
          Duration.ofMillis(5));

  private Waiting() {}

  /** Waits for a line of {@code output} accepted by {@code predicate}, already there or to come. */
  static Outcome untilLine(Output output, Predicate<String> predicate, Duration timeout) {
    try {
      output.awaitLine(predicate, timeout);
      return Outcome.MET;
    } catch (ProcessExitedException e) {
      return Outcome.EXITED;
    } catch (ProcessTimeoutException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // interrupted, not a failed expectation
      }
      return Outcome.TIMED_OUT;
    }
  }

  /**
   * Polls {@code condition} until it holds. When {@code process} is given, an exit of the process
   * ends the wait at once, after one last look at {@code condition} once the process's output has
   * been read to its end.
   */
  static Outcome until(BooleanSupplier condition, SpawnedProcess process, Duration timeout) {
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .pollInSameThread()
          .dontCatchUncaughtExceptions()
          .failFast(() -> process != null && !process.isAlive())
          .until(condition::getAsBoolean);
      return Outcome.MET;
    } catch (ConditionTimeoutException e) {
      return Outcome.TIMED_OUT;
    } catch (TerminalFailureException e) {
      process.result(); // returns once the last output has been read
      return condition.getAsBoolean() ? Outcome.MET : Outcome.EXITED;
    }
  }

  /** Waits for {@code process} to exit; empty when it is still running at the deadline. */
  static Optional<ProcessResult> exit(SpawnedProcess process, Duration timeout) {
    try {
      return Optional.of(process.waitFor(timeout));
    } catch (ProcessTimeoutException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // interrupted, not a failed expectation
      }
      return Optional.empty();
    }
  }
}
