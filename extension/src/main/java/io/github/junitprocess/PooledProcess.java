package io.github.junitprocess;

/**
 * A warm-pool worker borrowed exclusively with {@link WorkerPool#borrow()}. Use it in
 * try-with-resources: {@link #close()} returns it to the pool.
 */
public interface PooledProcess extends SpawnedProcess, AutoCloseable {

  /**
   * Returns the worker to the pool. A worker that has died, or has reached {@code maxUses}, is
   * stopped and replaced by a fresh one. Idempotent.
   */
  @Override
  void close();
}
