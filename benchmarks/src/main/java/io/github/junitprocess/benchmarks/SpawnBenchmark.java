package io.github.junitprocess.benchmarks;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcessBuilder;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;
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
import org.zeroturnaround.exec.ProcessExecutor;

/** Spawn a process that exits at once ({@code true}) and wait for its exit. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class SpawnBenchmark {
  static {
    NuProcessLog.silence();
  }

  private BenchmarkScope scope;

  @Setup(Level.Iteration)
  public void openScope() {
    scope = new BenchmarkScope("spawn benchmark");
  }

  @TearDown(Level.Iteration)
  public void closeScope() {
    scope.close();
  }

  /** Baseline: what a test would write by hand. */
  @Benchmark
  public int rawProcessBuilder() throws Exception {
    return new ProcessBuilder("true").start().waitFor();
  }

  @Benchmark
  public int junitProcess() {
    ProcessResult r = scope.processes().run("true");
    return Checks.exitedZero(r.exitCode(), "true");
  }

  /** The same on a pseudo-terminal: the keeper ({@code python3}) starts, then runs {@code true}. */
  @Benchmark
  public int junitProcessTty() {
    ProcessResult r = scope.processes().run(ProcessSpec.of("true").tty(true));
    return Checks.exitedZero(r.exitCode(), "true on a terminal");
  }

  @Benchmark
  public int ztExec() throws Exception {
    return new ProcessExecutor().command("true").execute().getExitValue();
  }

  @Benchmark
  public int commonsExec() throws Exception {
    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler());
    return executor.execute(new CommandLine("true"));
  }

  @Benchmark
  public int nuProcess() throws Exception {
    NuProcessBuilder pb = new NuProcessBuilder("true");
    pb.setProcessListener(new NuAbstractProcessHandler() {});
    return Checks.exitedZero(pb.start().waitFor(0, TimeUnit.SECONDS), "true");
  }
}
