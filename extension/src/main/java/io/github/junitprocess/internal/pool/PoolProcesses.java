package io.github.junitprocess.internal.pool;

import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessLauncher;
import io.github.junitprocess.internal.os.ProcFs;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.plan.PlanContext;
import io.github.junitprocess.internal.teardown.Reaper;
import io.github.junitprocess.internal.teardown.TempDirs;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * Starts and stops the processes of one pool. The pool, not the scope, owns them: the pool is a
 * single resource of its scope and stops its processes itself when it closes, before anything it
 * depends on goes. Every process is registered with the {@link Reaper}, and its cookie is kept so
 * that closing the pool also kills descendants that escaped their tree (setsid, double fork),
 * including those of tasks that finished long before.
 */
public final class PoolProcesses {
  private final PlanContext scope;
  private final String poolName;
  private final Set<String> cookies = ConcurrentHashMap.newKeySet();

  /** Clock ticks since boot when the pool was made: no process of it started earlier. */
  private final long createdTicks = ProcFs.AVAILABLE ? Math.max(0, ProcFs.nowTicks() - 1) : 0;

  PoolProcesses(PlanContext scope, String poolName) {
    this.scope = scope;
    this.poolName = poolName;
  }

  PlanContext scope() {
    return scope;
  }

  /** Spawns {@code plan}; throws {@code ProcessStartException} when it cannot. */
  ManagedProcess launch(LaunchPlan plan) {
    return launch(plan, p -> {});
  }

  /**
   * Spawns {@code plan} and hands the process to {@code owner} before its output is read; throws
   * {@code ProcessStartException} when it cannot.
   */
  ManagedProcess launch(LaunchPlan plan, Consumer<? super ManagedProcess> owner) {
    ManagedProcess p = ProcessLauncher.start(plan, scope.config(), owner);
    cookies.add(p.cookie());
    return p;
  }

  /**
   * Stops each process gracefully (its stop signal, its stop timeout, then KILL) with its
   * descendants, all at the same time so that the waits overlap. Returns when every one is gone or
   * could not be killed.
   *
   * @return the processes that could not be killed
   */
  List<ManagedProcess> stopAll(List<ManagedProcess> processes) {
    List<ManagedProcess> failed = new ArrayList<>();
    if (processes.size() == 1) {
      stop(processes.get(0), failed);
      return failed;
    }
    // one thread per process, owned by this call: made here, shut down before it returns
    ThreadPoolExecutor stoppers = PoolThreads.unbounded(poolName, "stop");
    try {
      List<Future<?>> stops = new ArrayList<>(processes.size());
      for (ManagedProcess p : processes) {
        stops.add(stoppers.submit(() -> stop(p, failed)));
      }
      boolean interrupted = false;
      for (Future<?> stop : stops) {
        while (true) {
          try {
            stop.get(); // each stop ends within its stop timeout plus the kill deadline
            break;
          } catch (InterruptedException e) {
            interrupted = true; // finish stopping: leaving processes behind is worse
          } catch (ExecutionException e) {
            break; // stop() catches what terminate throws; an Error is the JVM's affair
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      stoppers.shutdown();
    }
    return failed;
  }

  private static void stop(ManagedProcess p, List<ManagedProcess> failed) {
    boolean gone;
    try {
      gone = p.terminate(p.plan().stopSignal(), p.plan().stopTimeout(), false);
    } catch (RuntimeException e) {
      gone = false;
    }
    if (!gone) {
      synchronized (failed) {
        failed.add(p);
      }
    }
  }

  /** Deletes the {@code ${tempDir}} of a stopped process, if it had one. */
  static void deleteTempDir(Path dir) throws Exception {
    if (dir != null) {
      TempDirs.delete(dir);
    }
  }

  /** KILLs every live process carrying a cookie of this pool: the escaped descendants. */
  void sweep() {
    if (cookies.isEmpty() || !ProcFs.AVAILABLE) {
      return;
    }
    TreeKiller.killMarked(
        Set.copyOf(cookies), createdTicks, 0, Set.of(), "pool '" + poolName + "'");
  }
}
