package io.github.junitprocess.internal.capture;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.support.Messages;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One {@code await*} or readiness condition waiting for a line of one stream. Lines are offered by
 * the pump thread and, for the lines already in memory, by the thread that registered it; the first
 * line the predicate accepts completes {@link #match}.
 */
public final class LineWaiter {
  private final Predicate<String> predicate;
  private final OutputCapture stream;

  /** The accepted line; completed exceptionally when the predicate throws. */
  public final CompletableFuture<String> match = new CompletableFuture<>();

  LineWaiter(Predicate<String> predicate, OutputCapture stream) {
    this.predicate = predicate;
    this.stream = stream;
  }

  /** Tests {@code line}; true once this waiter needs no more lines. */
  boolean offer(String line) {
    if (match.isDone()) {
      return true;
    }
    try {
      if (predicate.test(line)) {
        match.complete(line);
        return true;
      }
    } catch (RuntimeException e) {
      match.completeExceptionally(e);
      return true;
    }
    return false;
  }

  /**
   * Waits for the line, the process's exit or the deadline, whichever comes first. After an exit it
   * lets the pumps read what the process wrote last before deciding.
   *
   * @param what what is awaited, for the message
   * @return the accepted line
   * @throws ProcessTimeoutException at the deadline, or when interrupted
   * @throws ProcessExitedException when the process exited without writing the line
   */
  String await(Duration timeout, String what) {
    StreamOwner owner = stream.owner();
    long deadline = System.nanoTime() + Durations.waitNanos(timeout);
    CompletableFuture<?> exit = owner == null ? new CompletableFuture<>() : owner.exitFuture();
    try {
      CompletableFuture.anyOf(match, exit)
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (!match.isDone()) {
        throw new ProcessTimeoutException(
            Messages.timeout("waiting for " + what, timeout, owner.details()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessTimeoutException(
          Messages.interrupted("waiting for " + what, owner.details()), e);
    } catch (ExecutionException e) {
      // the exit future does not fail; a failing predicate is reported below
    }
    if (!match.isDone()) {
      // exited: let the pumps read what it wrote last before deciding
      stream.awaitEnd(OutputCapture.DRAIN_GRACE);
      if (owner != null) {
        owner.otherStream(stream).awaitEnd(Duration.ZERO);
      }
    }
    if (match.isDone()) {
      try {
        return match.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw e;
      }
    }
    throw new ProcessExitedException(
        Messages.exitedWhile(owner.name(), "waiting for " + what, owner.details()),
        owner.resultNow());
  }
}
