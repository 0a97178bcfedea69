package io.github.junitprocess.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.benchmarks.fixtures.SharedServerFixtures;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
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
 * A suite of five classes that each need a server ready after 0.2 s, as one launcher run: the
 * server declared per class (five startups), shared by the run with {@code share = RUN} (one
 * startup), and no server at all. Scores are per class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SharedServerBenchmark {
  private Launcher launcher;

  @Setup(Level.Trial)
  public void createLauncher() {
    launcher = LauncherFactory.create();
  }

  private long runSuite(String prefix) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                Arrays.stream(SharedServerFixtures.class.getClasses())
                    .filter(c -> c.getSimpleName().startsWith(prefix))
                    .map(c -> selectClass(c))
                    .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener); // one session per execution: one run
    long passed = listener.getSummary().getTestsSucceededCount();
    if (passed != SharedServerFixtures.CLASSES) {
      throw new IllegalStateException(prefix + ": " + passed + " tests passed");
    }
    return passed;
  }

  @Benchmark
  @OperationsPerInvocation(SharedServerFixtures.CLASSES)
  public long perClassServer() {
    return runSuite("PerClass");
  }

  @Benchmark
  @OperationsPerInvocation(SharedServerFixtures.CLASSES)
  public long sharedServer() {
    return runSuite("Shared");
  }

  @Benchmark
  @OperationsPerInvocation(SharedServerFixtures.CLASSES)
  public long noServer() {
    return runSuite("Empty");
  }
}
