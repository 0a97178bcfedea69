package io.github.junitprocess.benchmarks;

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
 * The reaper sidecar's start-up, which the first test of every test JVM pays once. Each invocation
 * starts from a JVM without a reaper: the previous sidecar is ended before the clock starts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class ReaperStartBenchmark {

  @State(Scope.Thread)
  public static class NoReaper {
    @Setup(Level.Invocation)
    public void discard() {
      BenchmarkScope.discardReaper();
    }

    @TearDown(Level.Trial)
    public void end() {
      BenchmarkScope.discardReaper();
    }
  }

  /** Baseline: spawn {@code true} and wait for it. */
  @Benchmark
  public int rawProcessBuilder() throws Exception {
    return new ProcessBuilder("true").start().waitFor();
  }

  @Benchmark
  public void reaperStart(NoReaper noReaper) {
    BenchmarkScope.startReaper();
  }
}
