package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
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
 * A fast writer of lines (500 000 lines, 13 MiB, from {@code yes | head}) run to completion, with
 * the live echo ({@code ProcessSpec.echo(true)}) and without: what printing every line on the test
 * JVM's stdout costs the capture. The echoed lines go to a console that discards them ({@code
 * System.out} passes on only the harness's own lines), so the row measures the echo's own work
 * (splitting lines, queueing them for the printer thread, printing), not a terminal; a slow console
 * makes the echo drop lines, never the capture wait. A line callback that does nothing shows the
 * share of splitting lines alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class LiveEchoBenchmark {
  static final int LINES = 500_000;
  private static final String[] COMMAND = {
    "sh", "-c", "yes 'a line from a fast writer' | head -n " + LINES
  };

  private BenchmarkScope scope;
  private PrintStream console;

  @Setup(Level.Trial)
  public void silenceConsole() {
    console = System.out;
    System.setOut(new PrintStream(new EchoDiscarding(console), false));
  }

  @TearDown(Level.Trial)
  public void restoreConsole() {
    System.setOut(console);
  }

  @Setup(Level.Iteration)
  public void openScope() {
    scope = new BenchmarkScope("live echo benchmark", Map.of("junit.process.log.enabled", "false"));
  }

  @TearDown(Level.Iteration)
  public void closeScope() {
    scope.close();
  }

  /** Baseline: captured, not echoed. */
  @Benchmark
  public long echoOff() {
    return run(ProcessSpec.of(COMMAND));
  }

  /** Every line printed live as {@code [sh] line}. */
  @Benchmark
  public long echoOn() {
    return run(ProcessSpec.of(COMMAND).echo(true));
  }

  /**
   * Lines split for a callback that does nothing: the part of the echo's cost that is splitting.
   */
  @Benchmark
  public long lineCallback() {
    return run(ProcessSpec.of(COMMAND).onStdoutLine(line -> {}));
  }

  /**
   * Drops the echo's lines ({@code [name] ...}); passes on the rest (the harness's batch lines).
   */
  static final class EchoDiscarding extends OutputStream {
    private final OutputStream console;
    private boolean lineStart = true;
    private boolean dropping;

    EchoDiscarding(OutputStream console) {
      this.console = console;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      if (lineStart) {
        dropping = b[off] == '[';
      }
      lineStart = b[off + len - 1] == '\n';
      if (!dropping) {
        console.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      console.flush();
    }
  }

  private long run(ProcessSpec spec) {
    ProcessResult r = scope.processes().run(spec);
    Checks.exitedZero(r.exitCode(), "yes | head");
    return r.stdout().length();
  }
}
