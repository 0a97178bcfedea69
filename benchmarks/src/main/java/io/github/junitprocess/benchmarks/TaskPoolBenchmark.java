package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zeroturnaround.exec.ProcessExecutor;

/**
 * A task pool of size 2 running 200 {@code true}s, against the ideal: two threads each spawning and
 * waiting for 100 {@code true}s with {@code ProcessBuilder}. Scores are per task.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 4)
public class TaskPoolBenchmark {
  static final int TASKS = 200;
  static final int SIZE = 2;

  /** The pool as a test class would declare it. */
  static final class Declarations {
    @ProcessPool(size = SIZE)
    WorkerPool tasks;

    static ProcessPool tasks() {
      try {
        return Declarations.class.getDeclaredField("tasks").getAnnotation(ProcessPool.class);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @State(Scope.Thread)
  public static class Ideal {
    ExecutorService threads;

    @Setup(Level.Trial)
    public void startThreads() {
      threads = Executors.newFixedThreadPool(SIZE);
    }

    @TearDown(Level.Trial)
    public void stopThreads() {
      threads.shutdownNow();
    }
  }

  @State(Scope.Thread)
  public static class Pooled {
    BenchmarkScope scope;
    WorkerPool pool;

    @Setup(Level.Iteration)
    public void startPool() {
      scope = new BenchmarkScope("task pool benchmark");
      pool = scope.pool(Declarations.tasks(), "tasks");
    }

    @TearDown(Level.Iteration)
    public void stopPool() {
      scope.close();
    }
  }

  /** Baseline: 2 threads × 100 sequential raw spawns. */
  @Benchmark
  @OperationsPerInvocation(TASKS)
  public int idealTwoThreads(Ideal ideal) throws Exception {
    return inTwoThreads(ideal, () -> new ProcessBuilder("true").start().waitFor());
  }

  /** Peer: the same two threads running zt-exec, which reads each process's output. */
  @Benchmark
  @OperationsPerInvocation(TASKS)
  public int ztExecTwoThreads(Ideal ideal) throws Exception {
    return inTwoThreads(
        ideal,
        () -> new ProcessExecutor().command("true").readOutput(true).execute().getExitValue());
  }

  /** Runs {@code TASKS / SIZE} sequential {@code true}s on each of the two threads. */
  private static int inTwoThreads(Ideal ideal, Callable<Integer> runTrue) throws Exception {
    Callable<Integer> share =
        () -> {
          for (int i = 0; i < TASKS / SIZE; i++) {
            Checks.exitedZero(runTrue.call(), "true");
          }
          return TASKS / SIZE;
        };
    int done = 0;
    for (Future<Integer> f : ideal.threads.invokeAll(List.of(share, share))) {
      done += f.get();
    }
    return done;
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public int junitProcessPool(Pooled pooled) {
    List<CompletableFuture<ProcessResult>> results = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      results.add(pooled.pool.submit("true"));
    }
    for (CompletableFuture<ProcessResult> r : results) {
      Checks.exitedZero(r.join().exitCode(), "true");
    }
    return results.size();
  }
}
