package io.github.junitprocess.benchmarks;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcessBuilder;
import io.github.junitprocess.ProcessResult;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * A child writes 256 MiB to stdout ({@code head -c 256M /dev/zero}); time until it has all been
 * read and the child has exited. The library runs with default settings: the in-memory capture
 * (head and tail, 8 MiB) and the full log file on disk. Its fair baseline reads the pipe and writes
 * the same bytes to a file in the same temporary file system ({@link #rawReadAndWriteFile}), which
 * is what the library does besides keeping head and tail; the plain raw read shows what the file
 * costs. Peers pump into a null sink.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 4)
public class CaptureThroughputBenchmark {
  static final long SIZE = 256L * 1024 * 1024;
  private static final List<String> COMMAND =
      List.of("head", "-c", Long.toString(SIZE), "/dev/zero");

  static {
    NuProcessLog.silence();
  }

  /** Memory capture only: shows what the log file costs. */
  static final Map<String, String> NO_LOG_FILE = Map.of("junit.process.log.enabled", "false");

  private BenchmarkScope scope;
  private BenchmarkScope noLogFileScope;
  private Path rawLogDir;

  @Setup(Level.Iteration)
  public void openScope() throws IOException {
    noLogFileScope = new BenchmarkScope("no log file", NO_LOG_FILE);
    scope = new BenchmarkScope("capture throughput benchmark");
    // where BenchmarkScope puts the library's log files: the same file system
    rawLogDir = Files.createTempDirectory("junit-process-bench-raw");
  }

  @TearDown(Level.Invocation)
  public void deleteLogs() throws IOException {
    scope.deleteLogs(); // 256 MiB per invocation
    Files.deleteIfExists(rawLogDir.resolve("stdout.log"));
  }

  @TearDown(Level.Iteration)
  public void closeScope() throws IOException {
    scope.close();
    noLogFileScope.close();
    Files.deleteIfExists(rawLogDir.resolve("stdout.log"));
    Files.deleteIfExists(rawLogDir);
  }

  /** Baseline: the pipe drained into nothing. */
  @Benchmark
  public long rawProcessBuilder() throws Exception {
    Process p = new ProcessBuilder(COMMAND).start();
    long n = p.getInputStream().transferTo(OutputStream.nullOutputStream());
    Checks.exitedZero(p.waitFor(), "head");
    return Checks.equal(SIZE, n, "bytes read");
  }

  /** Reference: the same pipe read in 64 KiB chunks (the library's read size) on this thread. */
  @Benchmark
  public long rawProcessBuilder64KiB() throws Exception {
    Process p = new ProcessBuilder(COMMAND).start();
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    try (InputStream in = p.getInputStream()) {
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        n += r;
      }
    }
    Checks.exitedZero(p.waitFor(), "head");
    return Checks.equal(SIZE, n, "bytes read");
  }

  /**
   * Baseline for the library with its log file: the pipe read in 64 KiB chunks (the library's read
   * size) on this thread, each chunk written to a new file, closed at the end.
   */
  @Benchmark
  public long rawReadAndWriteFile() throws Exception {
    Process p = new ProcessBuilder(COMMAND).start();
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    try (InputStream in = p.getInputStream();
        OutputStream file = new FileOutputStream(rawLogDir.resolve("stdout.log").toFile())) {
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        file.write(buffer, 0, r);
        n += r;
      }
    }
    Checks.exitedZero(p.waitFor(), "head");
    return Checks.equal(SIZE, n, "bytes read");
  }

  /** {@code processes.run}: capture, then the result (whose stdout text is the kept 8 MiB). */
  @Benchmark
  public long junitProcess() {
    ProcessResult r = scope.processes().run(COMMAND.toArray(new String[0]));
    Checks.exitedZero(r.exitCode(), "head");
    return r.stdout().length();
  }

  /** The same with {@code junit.process.log.enabled=false}: the in-memory capture alone. */
  @Benchmark
  public long junitProcessNoLogFile() {
    ProcessResult r = noLogFileScope.processes().run(COMMAND.toArray(new String[0]));
    Checks.exitedZero(r.exitCode(), "head");
    return r.stdout().length();
  }

  @Benchmark
  public long ztExec() throws Exception {
    CountingSink sink = new CountingSink();
    new ProcessExecutor().command(COMMAND).redirectOutput(sink).exitValueNormal().execute();
    return Checks.equal(SIZE, sink.count, "bytes read");
  }

  @Benchmark
  public long commonsExec() throws Exception {
    CountingSink sink = new CountingSink();
    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler(sink, OutputStream.nullOutputStream()));
    CommandLine cmd = new CommandLine(COMMAND.get(0));
    COMMAND.subList(1, COMMAND.size()).forEach(cmd::addArgument);
    Checks.exitedZero(executor.execute(cmd), "head");
    return Checks.equal(SIZE, sink.count, "bytes read");
  }

  @Benchmark
  public long nuProcess() throws Exception {
    AtomicLong count = new AtomicLong();
    NuProcessBuilder pb = new NuProcessBuilder(COMMAND);
    pb.setProcessListener(
        new NuAbstractProcessHandler() {
          @Override
          public void onStdout(ByteBuffer buffer, boolean closed) {
            count.addAndGet(buffer.remaining());
            buffer.position(buffer.limit());
          }
        });
    Checks.exitedZero(pb.start().waitFor(0, TimeUnit.SECONDS), "head");
    return Checks.equal(SIZE, count.get(), "bytes read");
  }

  /** Counts and drops what it is given, so peers are checked to have read everything. */
  static final class CountingSink extends OutputStream {
    volatile long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
