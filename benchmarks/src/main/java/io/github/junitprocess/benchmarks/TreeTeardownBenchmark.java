package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.SpawnedProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * Teardown of a tree: a shell with 50 background {@code sleep}s. Measured from the call until the
 * root and all 50 are gone (missing, or a zombie: PID 1 reaps orphans only every ~2 s here). The
 * tree is built before the clock starts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class TreeTeardownBenchmark {
  static final int DESCENDANTS = 50;
  private static final List<String> TREE =
      List.of(
          "sh",
          "-c",
          "i=0; while [ $i -lt "
              + DESCENDANTS
              + " ]; do sleep 1000 & i=$((i+1)); done; echo ready; wait");

  private BenchmarkScope scope;

  @Setup(Level.Iteration)
  public void openScope() {
    scope = new BenchmarkScope("tree teardown benchmark");
  }

  @TearDown(Level.Iteration)
  public void closeScope() {
    scope.close();
  }

  /** Root pid and its children, as found before the clock starts; checked gone afterwards. */
  static List<Long> treeOf(long root) {
    List<Long> all = new ArrayList<>();
    all.add(root);
    all.addAll(ProcState.children(root));
    Checks.equal(DESCENDANTS + 1, all.size(), "processes in the tree");
    return all;
  }

  @State(Scope.Thread)
  public static class Raw {
    Process root;
    List<Long> tree;

    @Setup(Level.Invocation)
    public void start() throws Exception {
      root = new ProcessBuilder(TREE).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8));
      Checks.equal("ready", out.readLine());
      tree = treeOf(root.pid());
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(tree, "raw tree");
    }
  }

  @State(Scope.Thread)
  public static class Library {
    SpawnedProcess root;
    List<Long> tree;

    @Setup(Level.Invocation)
    public void start(TreeTeardownBenchmark benchmark) {
      root = benchmark.scope.processes().start(ProcessSpec.of(TREE).readyLine("ready"));
      tree = treeOf(root.pid());
    }

    @TearDown(Level.Invocation)
    public void check() {
      ProcState.requireGone(tree, "junit-process tree");
    }
  }

  /**
   * Baseline: the JDK's descendants walk, KILL each and the root, then poll /proc until all are
   * gone.
   */
  @Benchmark
  public int rawProcessBuilder(Raw raw) {
    List<Long> pids = new ArrayList<>();
    pids.add(raw.root.pid());
    raw.root
        .descendants()
        .forEach(
            h -> {
              h.destroyForcibly();
              pids.add(h.pid());
            });
    raw.root.destroyForcibly();
    if (!ProcState.awaitGone(pids, TimeUnit.SECONDS.toNanos(10))) {
      throw new IllegalStateException("raw tree still running after 10 s");
    }
    return pids.size();
  }

  /** {@code kill()}: KILL the whole tree now; returns once all of it is gone. */
  @Benchmark
  public ProcessResult junitProcessKill(Library library) {
    return library.root.kill();
  }

  /** {@code stop()}: TERM to the tree first (all members exit on it), as at the end of a test. */
  @Benchmark
  public ProcessResult junitProcessStop(Library library) {
    return library.root.stop();
  }
}
