package io.github.junitprocess.benchmarks;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcessBuilder;
import io.github.junitprocess.ProcessResult;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

/** Run {@code echo hello} to completion and get its stdout as a string. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class EchoCaptureBenchmark {
  private static final String EXPECTED = "hello\n";

  static {
    NuProcessLog.silence();
  }

  private BenchmarkScope scope;
  private BenchmarkScope noLogFileScope;

  @Setup(Level.Iteration)
  public void openScope() {
    noLogFileScope = new BenchmarkScope("no log file", CaptureThroughputBenchmark.NO_LOG_FILE);
    scope = new BenchmarkScope("echo capture benchmark");
  }

  @TearDown(Level.Iteration)
  public void closeScope() {
    scope.close();
    noLogFileScope.close();
  }

  /** Baseline: spawn, read stdout to the end, wait. */
  @Benchmark
  public String rawProcessBuilder() throws Exception {
    Process p = new ProcessBuilder("echo", "hello").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Checks.exitedZero(p.waitFor(), "echo");
    return Checks.equal(EXPECTED, out);
  }

  @Benchmark
  public String junitProcess() {
    ProcessResult r = scope.processes().run("echo", "hello");
    Checks.exitedZero(r.exitCode(), "echo");
    return Checks.equal(EXPECTED, r.stdout());
  }

  /** The same with {@code junit.process.log.enabled=false}: no log file is created. */
  @Benchmark
  public String junitProcessNoLogFile() {
    ProcessResult r = noLogFileScope.processes().run("echo", "hello");
    Checks.exitedZero(r.exitCode(), "echo");
    return Checks.equal(EXPECTED, r.stdout());
  }

  @Benchmark
  public String ztExec() throws Exception {
    String out =
        new ProcessExecutor().command("echo", "hello").readOutput(true).execute().outputUTF8();
    return Checks.equal(EXPECTED, out);
  }

  @Benchmark
  public String commonsExec() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler(out, new ByteArrayOutputStream()));
    CommandLine cmd = new CommandLine("echo").addArgument("hello");
    Checks.exitedZero(executor.execute(cmd), "echo");
    return Checks.equal(EXPECTED, out.toString(StandardCharsets.UTF_8));
  }

  @Benchmark
  public String nuProcess() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NuProcessBuilder pb = new NuProcessBuilder("echo", "hello");
    pb.setProcessListener(
        new NuAbstractProcessHandler() {
          @Override
          public void onStdout(ByteBuffer buffer, boolean closed) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            synchronized (out) {
              out.write(chunk, 0, chunk.length);
            }
          }
        });
    Checks.exitedZero(pb.start().waitFor(0, TimeUnit.SECONDS), "echo");
    synchronized (out) {
      return Checks.equal(EXPECTED, out.toString(StandardCharsets.UTF_8));
    }
  }
}
