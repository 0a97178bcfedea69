package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.LogOutputStream;

/**
 * Graceful stop of a process that exits on SIGTERM: from the stop call until it has exited. The
 * process is started before the clock starts, and has printed its ready line and finished its exec
 * of {@code sleep} ({@link ProcState#awaitSleepingIn}); starting it is not measured. Without that
 * wait a stop could land while the exec is under way, and time part of it, more or less depending
 * on how soon after the ready line each variant stops.
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
      ProcState.awaitSleepingIn(process.pid(), "sleep");
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
      ProcState.awaitSleepingIn(process.pid(), "sleep");
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(List.of(process.pid()), "junit-process sleep");
    }
  }

  /**
   * Reference: the raw process with a thread reading each of its streams, as any library that
   * captures output has; the stop ends when both readers have seen end-of-file.
   */
  @State(Scope.Thread)
  public static class RawReading {
    ExecutorService readers;
    Process process;
    Future<?> stdout;
    Future<?> stderr;

    @Setup(Level.Trial)
    public void startReaders() {
      readers = Executors.newCachedThreadPool();
    }

    @TearDown(Level.Trial)
    public void stopReaders() {
      readers.shutdownNow();
    }

    @Setup(Level.Invocation)
    public void start() throws Exception {
      process = new ProcessBuilder(COMMAND).start();
      InputStream out = process.getInputStream();
      byte[] ready = out.readNBytes("ready\n".length());
      Checks.equal("ready\n", new String(ready, StandardCharsets.UTF_8));
      stdout = readers.submit(() -> drain(out));
      stderr = readers.submit(() -> drain(process.getErrorStream()));
      ProcState.awaitSleepingIn(process.pid(), "sleep");
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(List.of(process.pid()), "raw sleep with readers");
    }

    private static Void drain(InputStream in) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      while (in.read(buffer) >= 0) {
        // discard
      }
      return null;
    }
  }

  /** Peer: zt-exec with its stream pumps, the ready line awaited through a LogOutputStream. */
  @State(Scope.Thread)
  public static class ZtExec {
    StartedProcess process;

    @Setup(Level.Invocation)
    public void start() throws Exception {
      CountDownLatch ready = new CountDownLatch(1);
      process =
          new ProcessExecutor()
              .command(COMMAND)
              .redirectOutput(
                  new LogOutputStream() {
                    @Override
                    protected void processLine(String line) {
                      if (line.equals("ready")) {
                        ready.countDown();
                      }
                    }
                  })
              .start();
      if (!ready.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("zt-exec: no ready line within 10 s");
      }
      ProcState.awaitSleepingIn(process.getProcess().pid(), "sleep");
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(List.of(process.getProcess().pid()), "zt-exec sleep");
    }
  }

  /** Baseline: SIGTERM through the JDK, then wait for the exit. */
  @Benchmark
  public int rawProcessBuilder(Raw raw) throws Exception {
    raw.process.destroy();
    return raw.process.waitFor();
  }

  /**
   * Reference: SIGTERM, wait for the exit and for both stream readers to see end-of-file. The
   * signal goes through the process's handle: {@code Process.destroy()} would also close the
   * streams, and a reader could lose the last output.
   */
  @Benchmark
  public int rawWithReaders(RawReading raw) throws Exception {
    raw.process.toHandle().destroy();
    int status = raw.process.waitFor();
    raw.stdout.get();
    raw.stderr.get();
    return status;
  }

  /** Peer: zt-exec's process destroyed, then its future (exit, pumps finished). */
  @Benchmark
  public int ztExec(ZtExec peer) throws Exception {
    peer.process.getProcess().destroy();
    return peer.process.getFuture().get().getExitValue();
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
