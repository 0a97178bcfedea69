package io.github.junitprocess.internal.pool;

import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessStoppedException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessMessages;
import io.github.junitprocess.internal.launch.ReadinessWaiter;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.plan.PlanContext;
import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.support.Problems;
import io.github.junitprocess.internal.support.Warnings;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A {@code @ProcessPool} with a worker command: {@code size} long-running workers, each ready
 * before it is lent, borrowed exclusively and returned with {@link PooledProcess#close()}.
 *
 * <p>Borrowing and returning only move a worker between the idle stack and a borrower under one
 * lock: no process work happens on that path. The idle stack is LIFO so a lone borrower keeps
 * getting the same warm worker. A worker that is dead when returned (or found dead when borrowed),
 * or that has been borrowed {@code maxUses} times, is retired: a starter thread stops it and
 * starts, awaits and publishes a replacement in the same slot (same name, fresh {@code ${port}}),
 * while other borrowers carry on. A replacement that fails leaves its slot empty; the failure is
 * the cause of later borrow timeouts and is thrown when the pool closes.
 *
 * <p>Threads: up to {@code size} starter threads (the initial start runs them in parallel), made on
 * demand and ended when idle. Close: the pool stops lending, stops every worker it owns (borrowed,
 * idle, retiring or still starting) in parallel, waits for the starter threads, and sweeps escaped
 * descendants.
 */
public final class WarmPool implements WorkerPool, AutoCloseable, ProcessHolder {
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);

  /** One worker process in its slot; slots are numbered from 1. */
  static final class Worker {
    final int slot;
    final ManagedProcess process;
    int uses; // guarded by the pool's lock

    Worker(int slot, ManagedProcess process) {
      this.slot = slot;
      this.process = process;
    }
  }

  private final String name;
  private final int size;
  private final int maxUses;
  private final String template;
  private final Duration borrowTimeout;
  private final IntFunction<LaunchPlan> planForSlot;
  private final PoolProcesses processes;
  private final ThreadPoolExecutor starters;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // guarded by lock:
  private final Deque<Worker> idle = new ArrayDeque<>();
  private final Worker[] current;
  private final Set<Worker> owned = new HashSet<>(); // started and not yet stopped
  private int replacing;
  private int lost;
  private final List<Throwable> replacementFailures = new ArrayList<>();
  private boolean closed;

  /**
   * @param template the worker command as written, for messages
   * @param borrowTimeout how long {@link #borrow()} waits
   * @param planForSlot a fresh plan (placeholders expanded anew) for the worker of a slot
   */
  public WarmPool(
      String name,
      int size,
      int maxUses,
      String template,
      Duration borrowTimeout,
      IntFunction<LaunchPlan> planForSlot,
      PlanContext scope) {
    this.name = name;
    this.size = size;
    this.maxUses = maxUses;
    this.template = template;
    this.borrowTimeout = borrowTimeout;
    this.planForSlot = planForSlot;
    this.processes = new PoolProcesses(scope, name);
    this.starters = PoolThreads.executor(name, "start", size);
    this.current = new Worker[size];
  }

  /** The workers started and not yet stopped, in slot order. */
  @Override
  public List<ManagedProcess> heldProcesses() {
    List<Worker> workers;
    lock.lock();
    try {
      workers = new ArrayList<>(owned);
    } finally {
      lock.unlock();
    }
    workers.sort(Comparator.comparingInt(w -> w.slot));
    List<ManagedProcess> out = new ArrayList<>(workers.size());
    for (Worker w : workers) {
      out.add(w.process);
    }
    return out;
  }

  /**
   * Starts every worker in parallel and waits until all are ready. On the first failure the pool is
   * closed and that failure thrown ({@code ProcessStartException}, {@code ProcessTimeoutException}
   * or {@code ProcessExitedException} naming the worker).
   */
  public void startAll() {
    List<CompletableFuture<Void>> started = new ArrayList<>(size);
    CompletableFuture<Void> firstFailure = new CompletableFuture<>();
    for (int slot = 1; slot <= size; slot++) {
      int s = slot;
      CompletableFuture<Void> f;
      try {
        f = CompletableFuture.runAsync(() -> publish(startWorker(s)), starters);
      } catch (RejectedExecutionException e) {
        f = CompletableFuture.failedFuture(stopped(s)); // closed meanwhile
      }
      f.whenComplete(
          (v, failure) -> {
            if (failure != null) {
              firstFailure.completeExceptionally(unwrap(failure));
            }
          });
      started.add(f);
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0]));
    try {
      CompletableFuture.anyOf(all, firstFailure).get();
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e.getCause());
      closeAfterFailure(cause);
      throw asUnchecked(cause);
    } catch (InterruptedException e) {
      ProcessException failure =
          new ProcessException("Interrupted while starting the workers of pool '" + name + "'", e);
      closeAfterFailure(failure);
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private void closeAfterFailure(Throwable failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Spawns the worker of {@code slot} and waits until it is ready; on a starter thread. */
  private Worker startWorker(int slot) {
    LaunchPlan plan = planForSlot.apply(slot);
    ManagedProcess p;
    try {
      p = processes.launch(plan);
    } catch (RuntimeException e) {
      deleteTempDirQuietly(plan);
      throw e;
    }
    Worker w = new Worker(slot, p);
    boolean own;
    lock.lock();
    try {
      own = !closed;
      if (own) {
        owned.add(w);
      }
    } finally {
      lock.unlock();
    }
    if (!own) {
      stop(w);
      throw stopped(slot);
    }
    try {
      ReadinessWaiter.await(p); // kills the tree before throwing
    } catch (RuntimeException | Error e) {
      stop(w);
      throw e;
    }
    return w;
  }

  /** Makes a ready worker available, or stops it when the pool closed meanwhile. */
  private void publish(Worker w) {
    lock.lock();
    try {
      if (!closed) {
        current[w.slot - 1] = w;
        idle.push(w);
        changed.signal();
        return;
      }
    } finally {
      lock.unlock();
    }
    stop(w);
    throw stopped(w.slot);
  }

  private ProcessStoppedException stopped(int slot) {
    return new ProcessStoppedException(
        "Worker '" + name + "-" + slot + "' of pool '" + name + "' was stopped: the pool closed");
  }

  /** Stops the worker's tree, deletes its temp dir and forgets it. */
  private void stop(Worker w) {
    processes.stopAll(List.of(w.process));
    deleteTempDirQuietly(w.process.plan());
    lock.lock();
    try {
      owned.remove(w);
    } finally {
      lock.unlock();
    }
  }

  private static void deleteTempDirQuietly(LaunchPlan plan) {
    try {
      PoolProcesses.deleteTempDir(plan.tempDir());
    } catch (Exception e) {
      // a leftover empty directory in the system temp dir is not worth failing a test over
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public PooledProcess borrow() {
    return borrow(borrowTimeout);
  }

  @Override
  public PooledProcess borrow(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new IllegalStateException(
              "pool '"
                  + name
                  + "' was shut down at the end of its scope; its workers were stopped");
        }
        Worker w = idle.poll();
        if (w != null) {
          if (w.process.isAlive()) {
            w.uses++;
            return new PooledWorker(this, w);
          }
          retire(w); // died while idle
          replaceLater(w); // only queues the work: this borrower may be waiting for it below
          continue;
        }
        if (lost == size) {
          Throwable loss = lastLoss();
          throw new ProcessException(
              "Pool '"
                  + name
                  + "' has no workers left: none could be replaced"
                  + (loss == null ? "" : ". The last attempt failed:\n" + loss.getMessage()),
              loss);
        }
        if (nanos <= 0) {
          throw new ProcessTimeoutException(
              "Timed out after "
                  + Durations.format(timeout)
                  + " waiting for a free worker of pool '"
                  + name
                  + "' ("
                  + describe()
                  + "): "
                  + occupancy(),
              lastLoss());
        }
        nanos = changed.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessException(
          "Interrupted while waiting for a free worker of pool '" + name + "'", e);
    } finally {
      lock.unlock();
    }
  }

  /** Guarded by lock; only called when no worker is idle. */
  private String occupancy() {
    int borrowed = 0;
    for (Worker w : current) {
      if (w != null) {
        borrowed++;
      }
    }
    String s = borrowed + " borrowed";
    if (replacing > 0) {
      s += ", " + replacing + " being replaced";
    }
    if (lost > 0) {
      s += ", " + lost + " could not be replaced (see the cause)";
    }
    return s;
  }

  /** Guarded by lock. */
  private Throwable lastLoss() {
    return replacementFailures.isEmpty()
        ? null
        : replacementFailures.get(replacementFailures.size() - 1);
  }

  /** Called once by {@link PooledWorker#close()}. */
  void release(Worker w) {
    lock.lock();
    try {
      if (closed) {
        return; // close() stops every worker it owns
      }
      if (w.process.isAlive() && (maxUses == 0 || w.uses < maxUses)) {
        idle.push(w);
        changed.signal();
        return;
      }
      retire(w);
    } finally {
      lock.unlock();
    }
    replaceLater(w);
  }

  /** Guarded by lock: the slot waits for a replacement. */
  private void retire(Worker w) {
    current[w.slot - 1] = null;
    replacing++;
  }

  private void replaceLater(Worker old) {
    try {
      starters.execute(() -> replace(old));
    } catch (RejectedExecutionException e) {
      // closed meanwhile: close() stops the old worker, which it still owns
    }
  }

  /** On a starter thread: stops the retired worker, then starts and publishes its successor. */
  private void replace(Worker old) {
    if (isClosed()) {
      return; // close() stops it
    }
    stop(old);
    Worker fresh;
    try {
      fresh = startWorker(old.slot);
    } catch (Throwable t) {
      lose(old.slot, t);
      return;
    }
    lock.lock();
    try {
      replacing--;
      if (!closed) {
        current[fresh.slot - 1] = fresh;
        idle.push(fresh);
        changed.signal();
        return;
      }
    } finally {
      lock.unlock();
    }
    stop(fresh);
  }

  private void lose(int slot, Throwable failure) {
    lock.lock();
    try {
      replacing--;
      if (closed) {
        return; // stopped by close(), not a failure
      }
      lost++;
      replacementFailures.add(failure);
      changed.signalAll(); // waiting borrowers may have nothing left to wait for
    } finally {
      lock.unlock();
    }
    Warnings.print(
        "pool '"
            + name
            + "': worker '"
            + name
            + "-"
            + slot
            + "' could not be replaced; the slot stays empty (thrown again when the pool"
            + " closes): "
            + failure);
  }

  private boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<SpawnedProcess> workers() {
    List<SpawnedProcess> out = new ArrayList<>(size);
    lock.lock();
    try {
      for (Worker w : current) {
        if (w != null) {
          out.add(w.process);
        }
      }
    } finally {
      lock.unlock();
    }
    return List.copyOf(out);
  }

  @Override
  public CompletableFuture<ProcessResult> submit(String... command) {
    throw notTasks("submit()");
  }

  @Override
  public CompletableFuture<ProcessResult> submit(ProcessSpec spec) {
    throw notTasks("submit()");
  }

  @Override
  public void execute(ProcessSpec spec, Consumer<ProcessResult> callback) {
    throw notTasks("execute()");
  }

  @Override
  public List<ProcessResult> runAll(List<ProcessSpec> specs) {
    throw notTasks("runAll()");
  }

  private IllegalStateException notTasks(String method) {
    return new IllegalStateException(
        method
            + " is for task pools; '"
            + name
            + "' is a "
            + describe()
            + ": use borrow() to get a worker, or remove the command from @ProcessPool for a"
            + " pool that runs commands to completion");
  }

  private String describe() {
    return "warm pool of "
        + size
        + (size == 1 ? " worker" : " workers")
        + " started from "
        + template;
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    List<Worker> toStop;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      idle.clear();
      changed.signalAll();
      toStop = new ArrayList<>(owned);
    } finally {
      lock.unlock();
    }
    starters.shutdown(); // queued replacements find the pool closed and do nothing
    Problems problems = new Problems();
    Duration longestStop = Duration.ZERO;
    List<ManagedProcess> stopping = new ArrayList<>(toStop.size());
    for (Worker w : toStop) {
      stopping.add(w.process);
      if (w.process.plan().stopTimeout().compareTo(longestStop) > 0) {
        longestStop = w.process.plan().stopTimeout();
      }
    }
    for (ManagedProcess p : processes.stopAll(stopping)) {
      problems.add(ProcessMessages.notKilled(p));
    }
    for (Worker w : toStop) {
      deleteTempDirQuietly(w.process.plan());
    }
    // starters waiting for readiness wake up as their worker was stopped above
    Duration wait = longestStop.plus(TreeKiller.KILL_DEADLINE).plus(CLOSE_MARGIN);
    if (!TaskPool.awaitTermination(starters, wait)) {
      problems.add(
          new ProcessException(
              "Pool '"
                  + name
                  + "': a starter thread did not end within "
                  + Durations.format(wait)));
    }
    try {
      processes.sweep();
    } catch (RuntimeException e) {
      problems.add(e);
    }
    lock.lock();
    try {
      if (!replacementFailures.isEmpty()) {
        problems.addFirst(
            Problems.aggregate(
                replacementFailures,
                first ->
                    new ProcessException(
                        "Pool '"
                            + name
                            + "': "
                            + replacementFailures.size()
                            + " worker(s) could not be replaced; the first failure: "
                            + first,
                        first)));
      }
    } finally {
      lock.unlock();
    }
    problems.throwIfAny(WarmPool::asUnchecked);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static RuntimeException asUnchecked(Throwable t) {
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new ProcessException(t.toString(), t);
  }

  @Override
  public String toString() {
    return "WorkerPool[" + name + ", " + describe() + "]";
  }
}
