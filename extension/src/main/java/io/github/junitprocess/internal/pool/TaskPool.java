package io.github.junitprocess.internal.pool;

import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessStoppedException;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessMessages;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.plan.PlanContext;
import io.github.junitprocess.internal.plan.SpecPlans;
import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.support.Problems;
import io.github.junitprocess.internal.support.Warnings;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code @ProcessPool} without a worker command: runs submitted commands to completion, at most
 * {@code size} at once.
 *
 * <p>Threads: {@code size} slot threads (made on demand, ended when idle) take {@link PooledTask}s
 * from one FIFO queue; each runs one process at a time from spawn to exit, which is what bounds the
 * concurrency, and blocks on that exit as a plain {@code ProcessBuilder} caller would. The
 * submitting thread only builds the plan and enqueues it.
 *
 * <p>Close: new and queued tasks are cancelled, the running processes are stopped as trees, all at
 * once (each with its stop signal and stop timeout, then KILL), and close waits for the slot
 * threads, woken by those exits, to end. Every future is completed, with {@link
 * ProcessStoppedException} for those cut short. Failures of {@link #execute} tasks that nothing
 * observed are thrown last.
 */
public final class TaskPool implements WorkerPool, AutoCloseable, ProcessHolder {
  /** Extra time given to slot threads at close beyond the stop timeouts, before reporting them. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);

  private final String name;
  private final int size;
  private final LaunchPlan defaults;
  private final PoolProcesses processes;
  private final ThreadPoolExecutor slots;
  private final Object lock = new Object();
  private final Set<PooledTask> running = new HashSet<>(); // guarded by lock
  private volatile boolean closed; // written under lock
  private final List<Throwable> unobserved = new ArrayList<>(); // guarded by itself

  /**
   * @param defaults the pool's members as a plan without a command: environment, working directory
   *     and timeouts that tasks inherit unless their spec sets them
   */
  public TaskPool(String name, int size, LaunchPlan defaults, PlanContext scope) {
    this.name = name;
    this.size = size;
    this.defaults = defaults;
    this.processes = new PoolProcesses(scope, name);
    this.slots = PoolThreads.executor(name, "slot", size);
  }

  String name() {
    return name;
  }

  PoolProcesses processes() {
    return processes;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public CompletableFuture<ProcessResult> submit(String... command) {
    return submit(ProcessSpec.of(command));
  }

  @Override
  public CompletableFuture<ProcessResult> submit(ProcessSpec spec) {
    PooledTask task = new PooledTask(this, SpecPlans.taskPlan(spec, processes.scope(), defaults));
    enqueue(task);
    return task.future();
  }

  @Override
  public void execute(ProcessSpec spec, Consumer<ProcessResult> callback) {
    Objects.requireNonNull(callback, "callback");
    PooledTask task = new PooledTask(this, SpecPlans.taskPlan(spec, processes.scope(), defaults));
    task.future()
        .whenComplete(
            (result, failure) -> {
              if (failure == null) {
                try {
                  callback.accept(result);
                } catch (Throwable t) {
                  unobserved(task + ": its execute() callback threw", t);
                }
              } else if (!(unwrap(failure) instanceof ProcessStoppedException)) {
                unobserved(task + ", run with execute(), failed", unwrap(failure));
              }
            });
    enqueue(task);
  }

  @Override
  public List<ProcessResult> runAll(List<ProcessSpec> specs) {
    Objects.requireNonNull(specs, "specs");
    List<LaunchPlan> plans = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      ProcessSpec spec = Objects.requireNonNull(specs.get(i), "specs[" + i + "] is null");
      plans.add(SpecPlans.taskPlan(spec, processes.scope(), defaults));
    }
    List<PooledTask> tasks = new ArrayList<>(plans.size());
    for (LaunchPlan plan : plans) {
      PooledTask task = new PooledTask(this, plan);
      tasks.add(task);
      enqueue(task);
    }
    List<ProcessResult> results = new ArrayList<>(tasks.size());
    Throwable first = null;
    for (PooledTask task : tasks) {
      try {
        results.add(task.future().get());
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (first == null) {
          first = cause;
        } else if (cause != first) {
          first.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        tasks.forEach(t -> t.future().cancel(false)); // stops the running ones, drops the rest
        Thread.currentThread().interrupt();
        throw new ProcessException(
            "Interrupted while waiting for "
                + tasks.size()
                + " tasks of pool '"
                + name
                + "'; the unfinished ones were cancelled",
            e);
      }
    }
    if (first instanceof RuntimeException) {
      throw (RuntimeException) first;
    }
    if (first instanceof Error) {
      throw (Error) first;
    }
    if (first != null) {
      throw new ProcessException("A task of pool '" + name + "' failed: " + first, first);
    }
    return results;
  }

  @Override
  public PooledProcess borrow() {
    throw notWarm("borrow()");
  }

  @Override
  public PooledProcess borrow(Duration timeout) {
    throw notWarm("borrow()");
  }

  @Override
  public List<SpawnedProcess> workers() {
    throw notWarm("workers()");
  }

  private IllegalStateException notWarm(String method) {
    return new IllegalStateException(
        method
            + " is for warm pools; '"
            + name
            + "' is a task pool of "
            + size
            + (size == 1 ? " slot" : " slots")
            + " (no worker command): use submit(), execute() or runAll(), or give @ProcessPool a"
            + " command (value or javaMain) to keep warm workers to borrow");
  }

  private void enqueue(PooledTask task) {
    if (closed) {
      task.cancel();
      return;
    }
    try {
      slots.execute(task);
    } catch (RejectedExecutionException e) {
      task.cancel(); // closed meanwhile
    }
  }

  /** Called by a slot thread before it starts {@code task}; false once the pool is closed. */
  boolean begin(PooledTask task) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      running.add(task);
      return true;
    }
  }

  void end(PooledTask task) {
    synchronized (lock) {
      running.remove(task);
    }
  }

  /** The processes of the tasks running now. */
  @Override
  public List<ManagedProcess> heldProcesses() {
    List<PooledTask> tasks;
    synchronized (lock) {
      tasks = new ArrayList<>(running);
    }
    List<ManagedProcess> out = new ArrayList<>(tasks.size());
    for (PooledTask task : tasks) {
      ManagedProcess p = task.process();
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private void unobserved(String what, Throwable failure) {
    synchronized (unobserved) {
      unobserved.add(failure);
    }
    Warnings.print(
        "pool '" + name + "': " + what + " (thrown again when the pool closes): " + failure);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  @Override
  public void close() {
    List<PooledTask> stopping;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = new ArrayList<>(running);
    }
    List<Runnable> queued = new ArrayList<>();
    slots.getQueue().drainTo(queued);
    for (Runnable r : queued) {
      ((PooledTask) r).cancel();
    }
    List<ManagedProcess> runningProcesses = new ArrayList<>();
    Duration longestStop = Duration.ZERO;
    for (PooledTask task : stopping) {
      ManagedProcess p = task.markStopped();
      if (p != null) {
        runningProcesses.add(p);
      }
      if (task.plan().stopTimeout().compareTo(longestStop) > 0) {
        longestStop = task.plan().stopTimeout();
      }
    }
    slots.shutdown();
    List<ManagedProcess> unkillable = processes.stopAll(runningProcesses); // in parallel
    Problems problems = new Problems();
    for (ManagedProcess p : unkillable) {
      problems.add(ProcessMessages.notKilled(p));
    }
    Duration wait = longestStop.plus(TreeKiller.KILL_DEADLINE).plus(CLOSE_MARGIN);
    if (!awaitTermination(slots, wait)) {
      problems.add(
          new ProcessException(
              "Pool '"
                  + name
                  + "': a slot thread did not end within "
                  + Durations.format(wait)
                  + " of the pool closing (a callback or future dependent blocking it?)"));
    }
    try {
      processes.sweep();
    } catch (RuntimeException e) {
      problems.add(e);
    }
    try {
      PoolProcesses.deleteTempDir(defaults.tempDir());
    } catch (Exception e) {
      problems.add(e);
    }
    synchronized (unobserved) {
      if (!unobserved.isEmpty()) {
        problems.addFirst(
            Problems.aggregate(
                unobserved,
                first ->
                    new ProcessException(
                        "Pool '"
                            + name
                            + "': "
                            + unobserved.size()
                            + " task(s) run with execute() failed and nothing observed the"
                            + " failure (execute() returns no future); the first: "
                            + first,
                        first)));
      }
    }
    problems.throwIfAny(
        first ->
            first instanceof RuntimeException
                ? (RuntimeException) first
                : new ProcessException("Closing pool '" + name + "' failed: " + first, first));
  }

  /** Waits for the executor's threads to end; an interrupt does not cut teardown short. */
  static boolean awaitTermination(ThreadPoolExecutor executor, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return executor.awaitTermination(
              Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "WorkerPool[" + name + ", task pool of " + size + "]";
  }
}
