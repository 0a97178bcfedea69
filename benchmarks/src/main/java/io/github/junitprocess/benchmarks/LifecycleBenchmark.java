package io.github.junitprocess.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.benchmarks.fixtures.LifecycleFixtures;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code @SpawnProcess} lifecycle per test, through the JUnit Platform Launcher: start
 * {@code true}, inject it, stop it after the test (with the scope's sweep and the leak check).
 * Scores are per test; an empty test's score is subtracted before comparing with a raw spawn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class LifecycleBenchmark {
  private Launcher launcher;

  @Setup(Level.Trial)
  public void createLauncher() {
    launcher = LauncherFactory.create();
  }

  private long runTests(Class<?> testClass) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsSucceededCount() != LifecycleFixtures.TESTS
        || summary.getTotalFailureCount() != 0) {
      StringBuilder failures = new StringBuilder();
      summary.getFailures().forEach(f -> failures.append('\n').append(f.getException()));
      throw new IllegalStateException(
          testClass.getSimpleName()
              + ": "
              + summary.getTestsSucceededCount()
              + " of "
              + LifecycleFixtures.TESTS
              + " tests passed"
              + failures);
    }
    return summary.getTestsSucceededCount();
  }

  /** Baseline for the per-test cost: spawn and wait for {@code true}. */
  @Benchmark
  public int rawProcessBuilder() throws Exception {
    return new ProcessBuilder("true").start().waitFor();
  }

  @Benchmark
  @OperationsPerInvocation(LifecycleFixtures.TESTS)
  public long emptyTests() {
    return runTests(LifecycleFixtures.EmptyTests.class);
  }

  @Benchmark
  @OperationsPerInvocation(LifecycleFixtures.TESTS)
  public long extensionOnlyTests() {
    return runTests(LifecycleFixtures.ExtensionOnlyTests.class);
  }

  @Benchmark
  @OperationsPerInvocation(LifecycleFixtures.TESTS)
  public long spawnProcessTests() {
    return runTests(LifecycleFixtures.SpawnTrueTests.class);
  }
}
