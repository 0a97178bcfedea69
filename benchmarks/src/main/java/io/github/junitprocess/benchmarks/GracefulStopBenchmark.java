package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.BenchmarkScope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * Graceful stop of a process that exits on SIGTERM: from the stop call until it has exited. The
 * process is started (and has printed its ready line, so it runs {@code sleep}) before the clock
 * starts; starting it is not measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class GracefulStopBenchmark {
  private static final List<String> COMMAND = List.of("sh", "-c", "echo ready; exec sleep 1000");

  private BenchmarkScope scope;

  @Setup(Level.Iteration)
  public void openScope() {
    scope = new BenchmarkScope("graceful stop benchmark");
  }

  @TearDown(Level.Iteration)
  public void closeScope() {
    scope.close();
  }

  @State(Scope.Thread)
  public static class Raw {
    Process process;

    @Setup(Level.Invocation)
    public void start() throws Exception {
      process = new ProcessBuilder(COMMAND).start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Checks.equal("ready", out.readLine());
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(List.of(process.pid()), "raw sleep");
    }
  }

  @State(Scope.Thread)
  public static class Library {
    SpawnedProcess process;

    @Setup(Level.Invocation)
    public void start(GracefulStopBenchmark benchmark) {
      process = benchmark.scope.processes().start(ProcessSpec.of(COMMAND).readyLine("ready"));
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(List.of(process.pid()), "junit-process sleep");
    }
  }

  /** Baseline: SIGTERM through the JDK, then wait for the exit. */
  @Benchmark
  public int rawProcessBuilder(Raw raw) throws Exception {
    raw.process.destroy();
    return raw.process.waitFor();
  }

  /** {@code stop()}: TERM to the tree, wait for the exit (up to the stop timeout), result. */
  @Benchmark
  public ProcessResult junitProcess(Library library) {
    ProcessResult r = library.process.stop();
    if (r.signal().orElse(null) != Signal.TERM) {
      throw new IllegalStateException("expected an exit by TERM, got " + r.exitCode());
    }
    return r;
  }
}
