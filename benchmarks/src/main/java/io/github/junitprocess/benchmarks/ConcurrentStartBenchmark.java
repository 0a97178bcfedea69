package io.github.junitprocess.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitprocess.benchmarks.fixtures.ConcurrentStartFixtures;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code junit.process.start.concurrent}: one test class with three independent processes, each
 * ready after 0.2 s, started one at a time and concurrently, against a class with one such process
 * (one startup: the target for the concurrent start); and a class with three processes that ignore
 * TERM (200 ms grace each), stopped one at a time and concurrently. Each operation is one launcher
 * run of the class, so the scores include JUnit's own cost, alike for all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ConcurrentStartBenchmark {
  private Launcher launcher;

  @Setup(Level.Trial)
  public void createLauncher() {
    launcher = LauncherFactory.create();
  }

  private long run(Class<?> fixture, boolean concurrent) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(fixture))
            .configurationParameter("junit.process.start.concurrent", String.valueOf(concurrent))
            .configurationParameter("junit.process.leaks", "off")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    long passed = listener.getSummary().getTestsSucceededCount();
    if (passed != 1) {
      throw new IllegalStateException(
          fixture.getSimpleName() + " (concurrent=" + concurrent + "): " + passed + " passed");
    }
    return passed;
  }

  @Benchmark
  public long oneStarter() {
    return run(ConcurrentStartFixtures.OneStarter.class, false);
  }

  @Benchmark
  public long threeStartersSequential() {
    return run(ConcurrentStartFixtures.ThreeStarters.class, false);
  }

  @Benchmark
  public long threeStartersConcurrent() {
    return run(ConcurrentStartFixtures.ThreeStarters.class, true);
  }

  @Benchmark
  public long threeStubbornSequential() {
    return run(ConcurrentStartFixtures.ThreeStubborn.class, false);
  }

  @Benchmark
  public long threeStubbornConcurrent() {
    return run(ConcurrentStartFixtures.ThreeStubborn.class, true);
  }
}
