package io.github.junitprocess.benchmarks;

import io.github.junitprocess.SpawnedProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Readiness latency: a line goes through a running {@code cat} and the test waits for it. The round
 * trip (write to stdin, {@code cat} echoes, the line is recognised) bounds "line written → {@code
 * awaitLine} returns" from above. A fresh {@code cat} per iteration keeps the captured backlog
 * small, as for a server that has just logged its ready line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class ReadinessBenchmark {
  private BenchmarkScope scope;
  private SpawnedProcess cat;
  private Process rawCat;
  private OutputStream rawIn;
  private BufferedReader rawOut;
  private long sequence;

  @Setup(Level.Iteration)
  public void startCats() throws Exception {
    scope = new BenchmarkScope("readiness benchmark");
    cat = scope.processes().start("cat");
    rawCat = new ProcessBuilder("cat").start();
    rawIn = rawCat.getOutputStream();
    rawOut =
        new BufferedReader(new InputStreamReader(rawCat.getInputStream(), StandardCharsets.UTF_8));
  }

  @TearDown(Level.Iteration)
  public void stopCats() throws Exception {
    scope.close();
    rawCat.destroyForcibly().waitFor();
  }

  /** Baseline: write a line, read it back with a {@code BufferedReader}. */
  @Benchmark
  public String rawProcessBuilder() throws Exception {
    String line = "ping-" + ++sequence;
    rawIn.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    rawIn.flush();
    return Checks.equal(line, rawOut.readLine());
  }

  @Benchmark
  public String junitProcess() {
    String line = "ping-" + ++sequence;
    cat.writeLine(line);
    return Checks.equal(line, cat.stdout().awaitLine("^" + line + "$", Duration.ofSeconds(10)));
  }
}
