package io.github.junitprocess;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A pool of processes, injected for {@link ProcessPool}. Thread-safe: tests running in parallel may
 * share one.
 *
 * <p>A <em>task pool</em> (no command in the annotation) runs submitted commands to completion,
 * never more than {@link #size()} at once, in submission order. A <em>warm pool</em> keeps {@link
 * #size()} ready workers to {@link #borrow()}. Calling a method of the other kind throws {@link
 * IllegalStateException} saying which kind the pool is.
 *
 * <p>When the scope of the pool ends, queued tasks are cancelled, running tasks and all workers are
 * stopped with their descendants, and unfinished futures complete with {@link
 * ProcessStoppedException}. Tasks submitted after that fail the same way; {@link #borrow()} then
 * throws {@link IllegalStateException}.
 *
 * <p>Meant for users; it is not meant to be implemented outside the library.
 *
 * @since 0.1.0
 */
public interface WorkerPool {

  /**
   * The pool's size.
   *
   * @return the number of slots (task pool) or workers (warm pool), as {@link ProcessPool#size()}
   * @since 0.1.0
   */
  int size();

  /**
   * Runs {@code command} to completion on a free slot; see {@link #submit(ProcessSpec)}.
   *
   * @param command the program and its arguments, used literally
   * @return a future of the result, as for {@link #submit(ProcessSpec)}
   * @throws IllegalArgumentException when the command is empty
   * @throws IllegalStateException on a warm pool
   * @since 0.1.0
   */
  CompletableFuture<ProcessResult> submit(String... command);

  /**
   * Runs {@code spec} to completion on a free slot, with stdin closed at once (unless the spec
   * gives a stdin file or input) and within the spec's startup timeout, else the pool's, else
   * {@code junit.process.startup.timeout}. The pool's environment, working directory and timeouts
   * are defaults: what the spec sets wins, its environment is merged over the pool's, and the
   * environment is inherited only if both allow it.
   *
   * <p>A non-zero exit completes the future normally: check {@link ProcessResult#exitCode()}.
   * Dependent actions attached without {@code *Async} run on a pool thread, which holds its slot
   * meanwhile. Cancelling the future removes a queued task, or stops a running one's process before
   * {@code cancel} returns.
   *
   * @param spec what to run; copied
   * @return a future of the result; completes exceptionally with {@link ProcessStartException},
   *     {@link ProcessTimeoutException} (the process was killed) or, when the pool shuts down
   *     first, {@link ProcessStoppedException}
   * @throws IllegalStateException on a warm pool
   * @since 0.1.0
   */
  CompletableFuture<ProcessResult> submit(ProcessSpec spec);

  /**
   * Runs {@code spec} like {@link #submit(ProcessSpec)} and passes the result (whatever its exit
   * code) to {@code callback}, on the pool thread that ran it. The callback should be short and
   * must not wait for other tasks of the same pool.
   *
   * <p>There is no future to observe failures, so none is lost: when the task cannot start, times
   * out, or the callback throws (an {@link AssertionError} included), the failure is printed to
   * stderr at once and thrown again when the pool closes at the end of its scope, failing that test
   * (or, for a static pool, the class). Tasks cut short by that shutdown are not reported.
   *
   * @param spec what to run; copied
   * @param callback receives the result
   * @throws IllegalStateException on a warm pool
   * @since 0.1.0
   */
  void execute(ProcessSpec spec, Consumer<ProcessResult> callback);

  /**
   * Runs all {@code specs}, in parallel up to {@link #size()}, and waits for every one.
   *
   * @param specs what to run; each copied
   * @return the results in input order, whatever order they finished in
   * @throws ProcessException the failure of the first failing spec in input order, with the
   *     failures of later ones suppressed; an interrupt cancels the unfinished tasks
   * @throws IllegalStateException on a warm pool
   * @since 0.1.0
   */
  List<ProcessResult> runAll(List<ProcessSpec> specs);

  /**
   * Borrows a ready worker for exclusive use until {@link PooledProcess#close()}, waiting for one
   * to be free at most the pool's startup timeout (long enough for a replacement to start). The
   * most recently returned worker is lent first; a worker found dead is replaced and skipped.
   *
   * @return the worker, ready, for this caller alone until it is closed
   * @throws IllegalStateException on a task pool, or after the pool's scope has ended
   * @throws ProcessTimeoutException when none became free in time; the message names the pool and
   *     says how many workers are borrowed or being replaced
   * @since 0.1.0
   */
  PooledProcess borrow();

  /**
   * Like {@link #borrow()}, waiting at most {@code timeout}.
   *
   * @param timeout how long to wait for a free worker
   * @return the worker, ready, for this caller alone until it is closed
   * @throws IllegalStateException on a task pool, or after the pool's scope has ended
   * @throws ProcessTimeoutException when none became free in time
   * @since 0.1.0
   */
  PooledProcess borrow(Duration timeout);

  /**
   * The current workers (warm pool), in slot order, named {@code <pool name>-1}, {@code -2}, …. A
   * worker being replaced is missing until its replacement is ready. Stopping one makes the pool
   * replace it when it is next borrowed.
   *
   * @return the workers, a snapshot
   * @throws IllegalStateException on a task pool
   * @since 0.1.0
   */
  List<SpawnedProcess> workers();
}
