package io.github.junitprocess.internal.pool;

import io.github.junitprocess.Output;
import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.launch.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One loan of a {@link WarmPool} worker: the borrower's handle until {@link #close()}. Each borrow
 * makes a new loan, so a handle kept after returning it cannot touch the worker's next borrower:
 * from then on everything but the worker's identity ({@link #name()}, {@link #pid()}, {@link
 * #command()}, {@link #workingDir()}, ports) throws {@link IllegalStateException}.
 */
public final class PooledWorker implements PooledProcess {
  private final WarmPool pool;
  private final WarmPool.Worker worker;
  private final ManagedProcess process;
  private final AtomicBoolean returned = new AtomicBoolean();

  PooledWorker(WarmPool pool, WarmPool.Worker worker) {
    this.pool = pool;
    this.worker = worker;
    this.process = worker.process;
  }

  private ManagedProcess lent() {
    if (returned.get()) {
      throw new IllegalStateException(
          "worker '"
              + process.name()
              + "' (pid "
              + process.pid()
              + ") was returned to pool '"
              + pool.name()
              + "'; borrow() again to use a worker");
    }
    return process;
  }

  @Override
  public void close() {
    if (returned.compareAndSet(false, true)) {
      pool.release(worker);
    }
  }

  @Override
  public String name() {
    return process.name();
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public List<String> command() {
    return process.command();
  }

  @Override
  public Path workingDir() {
    return process.workingDir();
  }

  @Override
  public int port() {
    return process.port();
  }

  @Override
  public int port(String name) {
    return process.port(name);
  }

  @Override
  public Map<String, Integer> namedPorts() {
    return process.namedPorts();
  }

  @Override
  public Optional<Path> tempDir() {
    return process.tempDir();
  }

  @Override
  public boolean isAlive() {
    return lent().isAlive();
  }

  @Override
  public Output stdout() {
    return lent().stdout();
  }

  @Override
  public Output stderr() {
    return lent().stderr();
  }

  @Override
  public SpawnedProcess write(String text) {
    lent().write(text);
    return this;
  }

  @Override
  public SpawnedProcess writeLine(String line) {
    lent().writeLine(line);
    return this;
  }

  @Override
  public SpawnedProcess write(byte[] bytes) {
    lent().write(bytes);
    return this;
  }

  @Override
  public void closeStdin() {
    lent().closeStdin();
  }

  @Override
  public ProcessResult waitFor(Duration timeout) {
    return lent().waitFor(timeout);
  }

  @Override
  public Optional<ProcessResult> result() {
    return lent().result();
  }

  @Override
  public void signal(Signal signal) {
    lent().signal(signal);
  }

  @Override
  public ProcessResult stop() {
    return lent().stop();
  }

  @Override
  public ProcessResult stop(Duration grace) {
    return lent().stop(grace);
  }

  @Override
  public ProcessResult kill() {
    return lent().kill();
  }

  @Override
  public List<ProcessHandle> descendants() {
    return lent().descendants();
  }

  @Override
  public String toString() {
    return "PooledProcess["
        + process.name()
        + ", pid "
        + process.pid()
        + ", "
        + process.command()
        + (returned.get() ? ", returned" : "")
        + "]";
  }
}
