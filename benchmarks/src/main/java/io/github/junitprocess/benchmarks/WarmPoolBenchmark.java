package io.github.junitprocess.benchmarks;

import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.benchmarks.fixtures.ReadyWorker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm pool's {@code borrow()} + {@code close()} against what it saves: a cold start of a small
 * child JVM until it prints its ready line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class WarmPoolBenchmark {

  /** The pool as a test class would declare it; the cold baseline uses the same JVM flags. */
  static final class Declarations {
    @ProcessPool(
        size = 1,
        javaMain = ReadyWorker.class,
        jvmArgs = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-Xshare:auto"},
        readyLine = "READY")
    WorkerPool workers;

    static ProcessPool workers() {
      try {
        return Declarations.class.getDeclaredField("workers").getAnnotation(ProcessPool.class);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @State(Scope.Thread)
  public static class Cold {
    final List<String> command = new ArrayList<>();
    Process started;

    @Setup(Level.Trial)
    public void buildCommand() {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(Declarations.workers().jvmArgs()));
      command.addAll(
          List.of("-cp", System.getProperty("java.class.path"), ReadyWorker.class.getName()));
    }

    @TearDown(Level.Invocation)
    public void stop() throws Exception {
      started.destroyForcibly().waitFor();
    }
  }

  @State(Scope.Thread)
  public static class Warm {
    BenchmarkScope scope;
    WorkerPool pool;

    @Setup(Level.Trial)
    public void startPool() {
      scope = new BenchmarkScope("warm pool benchmark");
      pool = scope.pool(Declarations.workers(), "workers");
    }

    @TearDown(Level.Trial)
    public void stopPool() {
      scope.close();
    }
  }

  /** Baseline: spawn {@code java ReadyWorker} and read until its ready line. */
  @Benchmark
  public String coldJvmToReadyLine(Cold cold) throws Exception {
    Process p =
        new ProcessBuilder(cold.command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    cold.started = p;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return Checks.equal("READY", out.readLine());
  }

  @Benchmark
  public long borrowAndClose(Warm warm) {
    try (PooledProcess worker = warm.pool.borrow()) {
      return worker.pid();
    }
  }
}
