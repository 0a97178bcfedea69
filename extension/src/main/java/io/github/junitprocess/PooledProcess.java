package io.github.junitprocess;

/**
 * A warm-pool worker borrowed exclusively with {@link WorkerPool#borrow()}. Use it in
 * try-with-resources: {@link #close()} returns it to the pool.
 *
 * <p>The worker lives on between borrows: its {@link #stdout()} and {@link #stderr()} hold what it
 * wrote for earlier borrowers too, so await a line that only this request produces. Once returned,
 * the handle keeps its identity ({@link #name()}, {@link #pid()}, {@link #command()}, {@link
 * #workingDir()}, ports) but every other method throws {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public interface PooledProcess extends SpawnedProcess, AutoCloseable {

  /**
   * Returns the worker to the pool without waiting for anything. A worker that has died, or has
   * been borrowed {@code maxUses} times, is stopped and replaced by a fresh one in the background.
   * Idempotent; harmless after the pool's scope has ended.
   *
   * @since 0.1.0
   */
  @Override
  void close();
}
