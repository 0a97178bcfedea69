package io.github.junitprocess;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A pool of processes, injected for {@link ProcessPool}. Thread-safe.
 *
 * <p>A <em>task pool</em> (no command in the annotation) runs submitted commands to completion,
 * never more than {@link #size()} at once. A <em>warm pool</em> keeps {@link #size()} ready workers
 * to {@link #borrow()}. Calling a method of the other kind throws {@link IllegalStateException}.
 */
public interface WorkerPool {

  /** Number of slots or workers. */
  int size();

  /**
   * Runs {@code command} to completion on a free slot (stdin closed at once).
   *
   * @return a future of the result; completes exceptionally with {@link ProcessStartException},
   *     {@link ProcessTimeoutException} or, when the pool shuts down first, {@link
   *     ProcessStoppedException}
   * @throws IllegalStateException on a warm pool
   */
  CompletableFuture<ProcessResult> submit(String... command);

  /** Like {@link #submit(String...)} for a full spec. */
  CompletableFuture<ProcessResult> submit(ProcessSpec spec);

  /**
   * Runs {@code spec} on a free slot and passes the result to {@code callback}. Failures (start
   * failure, timeout, shutdown) are not lost: they surface on the future of the same task via
   * {@link #submit(ProcessSpec)} semantics and are rethrown at scope end if nobody observed them.
   * The callback runs on a pool thread.
   *
   * @throws IllegalStateException on a warm pool
   */
  void execute(ProcessSpec spec, Consumer<ProcessResult> callback);

  /**
   * Runs all {@code specs}, in parallel up to {@link #size()}, and waits for them.
   *
   * @return the results in input order
   * @throws ProcessException the first failure (others suppressed)
   * @throws IllegalStateException on a warm pool
   */
  List<ProcessResult> runAll(List<ProcessSpec> specs);

  /**
   * Borrows a ready worker, waiting as long as the startup timeout for one to be free.
   *
   * @throws IllegalStateException on a task pool
   * @throws ProcessTimeoutException when none became free in time
   */
  PooledProcess borrow();

  /** Like {@link #borrow()}, waiting at most {@code timeout}. */
  PooledProcess borrow(Duration timeout);

  /**
   * The current workers (warm pool).
   *
   * @throws IllegalStateException on a task pool
   */
  List<SpawnedProcess> workers();
}
