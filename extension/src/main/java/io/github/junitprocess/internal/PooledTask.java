package io.github.junitprocess.internal;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessStoppedException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Signal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command submitted to a {@link TaskPool}: queued, then run to completion on a slot thread,
 * which owns the process from spawn to exit. Every outcome completes {@link #future()}: the result,
 * the start failure, the timeout, or {@link ProcessStoppedException} when the pool closes first.
 * Cancelling the future stops the process like the pool's close does.
 */
final class PooledTask implements Runnable {
  private final TaskPool pool;
  private final LaunchPlan plan;
  private final CompletableFuture<ProcessResult> future = new CompletableFuture<>();

  /**
   * Completed when the process must be stopped: the pool is closing or the future was cancelled.
   */
  private final CompletableFuture<Void> stopRequest = new CompletableFuture<>();

  PooledTask(TaskPool pool, LaunchPlan plan) {
    this.pool = pool;
    this.plan = plan;
    future.whenComplete(
        (result, failure) -> {
          if (future.isCancelled()) {
            stopRequest.complete(null);
          }
        });
  }

  CompletableFuture<ProcessResult> future() {
    return future;
  }

  LaunchPlan plan() {
    return plan;
  }

  /** Asks the slot thread running this task to stop its process; no-op when it has finished. */
  void requestStop() {
    stopRequest.complete(null);
  }

  /** Completes the future of a task that never started because the pool has shut down. */
  void cancel() {
    future.completeExceptionally(
        new ProcessStoppedException(
            "Task '"
                + plan.name
                + "' of pool '"
                + pool.name()
                + "' was cancelled before it started: the pool was shut down at the end of its"
                + " scope\n  command: "
                + Messages.commandLine(plan.command)));
  }

  @Override
  public void run() {
    if (!pool.begin(this)) {
      cancel();
      return;
    }
    try {
      if (!future.isDone()) { // not cancelled while it waited in the queue
        runToCompletion();
      }
    } catch (Throwable t) {
      future.completeExceptionally(t); // a start failure, or anything unexpected: never lost
    } finally {
      pool.end(this);
    }
  }

  private void runToCompletion() {
    ManagedProcess p = pool.processes().launch(plan);
    Duration timeout = plan.startupTimeout;
    try {
      CompletableFuture.anyOf(p.exitFuture(), stopRequest)
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      ProcessTimeoutException failure =
          new ProcessTimeoutException(
              Messages.timeout(
                  p,
                  "waiting for task '" + p.name() + "' of pool '" + pool.name() + "' to finish",
                  timeout));
      p.terminate(Signal.KILL, Duration.ZERO, false);
      future.completeExceptionally(failure);
      return;
    } catch (InterruptedException e) {
      // only a JVM going down interrupts pool threads: stop the process as the pool's close would
      Thread.currentThread().interrupt();
      stopRequest.complete(null);
    } catch (ExecutionException e) {
      // neither future completes exceptionally
    }
    if (stopRequest.isDone() && p.isAlive()) {
      p.terminate(plan.stopSignal, plan.stopTimeout, false);
      future.completeExceptionally(
          new ProcessStoppedException(
              "Task '"
                  + p.name()
                  + "' of pool '"
                  + pool.name()
                  + "' was stopped before it finished: the pool was shut down at the end of its"
                  + " scope\n"
                  + Messages.details(p)));
      return;
    }
    future.complete(p.resultNow());
  }

  @Override
  public String toString() {
    return "task '" + plan.name + "' [" + Messages.commandLine(plan.command) + "]";
  }
}
