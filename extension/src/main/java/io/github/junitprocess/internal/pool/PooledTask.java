package io.github.junitprocess.internal.pool;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessStoppedException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessMessages;
import io.github.junitprocess.internal.launch.RunToCompletion;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.support.Messages;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One command submitted to a {@link TaskPool}: queued, then run to completion on a slot thread,
 * which blocks on the process's exit (woken directly by the JDK, no thread in between). Every
 * outcome completes {@link #future()}: the result, the start failure, the timeout, or {@link
 * ProcessStoppedException} when the pool closes first.
 *
 * <p>Stopping comes from outside the slot thread: the pool's close (for all running tasks at once)
 * or cancelling the future (on the cancelling thread). It marks the task, stops its process tree,
 * and the slot thread, woken by the exit, reports the task as stopped.
 */
public final class PooledTask implements Runnable {

  private final TaskPool pool;
  private final LaunchPlan plan;
  private final CompletableFuture<ProcessResult> future = new CompletableFuture<>();

  // guarded by this
  private ManagedProcess process;
  private boolean stopRequested;
  private boolean stopOnSpawn;

  PooledTask(TaskPool pool, LaunchPlan plan) {
    this.pool = pool;
    this.plan = plan;
    future.whenComplete(
        (result, failure) -> {
          if (future.isCancelled()) {
            ManagedProcess p = markStopped();
            if (p != null) {
              pool.processes().stopAll(List.of(p));
            }
          }
        });
  }

  CompletableFuture<ProcessResult> future() {
    return future;
  }

  LaunchPlan plan() {
    return plan;
  }

  /**
   * Marks the task as stopped by its pool, so that its slot thread reports {@link
   * ProcessStoppedException} once the process has gone.
   *
   * @return the running process, which the caller must stop, or null when none was started yet (the
   *     slot thread then stops it itself right after spawning)
   */
  synchronized ManagedProcess markStopped() {
    stopRequested = true;
    return process;
  }

  /** The task's process once spawned, otherwise null. */
  synchronized ManagedProcess process() {
    return process;
  }

  /**
   * Takes the spawned process before its output is read, so that a line listener's reaction finds
   * the task's process. A stop requested before this has found no process to stop: the slot thread
   * stops it.
   */
  private synchronized void adopt(ManagedProcess p) {
    process = p;
    stopOnSpawn = stopRequested;
  }

  private synchronized boolean stopOnSpawn() {
    return stopOnSpawn;
  }

  private synchronized boolean isStopRequested() {
    return stopRequested;
  }

  /** Completes the future of a task that never started because the pool has shut down. */
  void cancel() {
    future.completeExceptionally(
        new ProcessStoppedException(
            "Task '"
                + plan.name()
                + "' of pool '"
                + pool.name()
                + "' was cancelled before it started: the pool was shut down at the end of its"
                + " scope\n  command: "
                + Messages.commandLine(plan.command())));
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
    ManagedProcess p = pool.processes().launch(plan, this::adopt);
    if (stopOnSpawn()) {
      pool.processes().stopAll(List.of(p));
    }
    ProcessResult result;
    try {
      result =
          RunToCompletion.await(
              p, "task '" + p.name() + "' of pool '" + pool.name() + "'", this::isStopRequested);
    } catch (ProcessTimeoutException failure) {
      future.completeExceptionally(failure);
      return;
    }
    if (isStopRequested() && p.stopRequested()) { // ended by the stop, not on its own
      future.completeExceptionally(
          new ProcessStoppedException(
              "Task '"
                  + p.name()
                  + "' of pool '"
                  + pool.name()
                  + "' was stopped before it finished: the pool was shut down at the end of its"
                  + " scope\n"
                  + ProcessMessages.details(p)));
      return;
    }
    future.complete(result);
  }

  @Override
  public String toString() {
    return "task '" + plan.name() + "' [" + Messages.commandLine(plan.command()) + "]";
  }
}
