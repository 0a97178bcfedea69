package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.Processes;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.plan.ProcessConfig;
import io.github.junitprocess.internal.teardown.Reaper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's seam for tools that drive it without JUnit (the benchmarks): a scope exactly as the
 * extension makes one for a test, with the {@link Processes} bound to it, and the reaper's
 * start-up. Not part of the library's API.
 */
public final class DetachedScope implements AutoCloseable {
  private final ProcessScope scope;
  private final Processes processes;

  /**
   * A scope with {@code settings} ({@code junit.process.*} keys, as in {@code
   * junit-platform.properties}) over the system properties, logging to {@code logDir}.
   */
  public DetachedScope(String description, Map<String, String> settings, Path logDir) {
    ProcessConfig config = ProcessConfig.from(key -> Optional.ofNullable(settings.get(key)));
    Reaper.ensureStarted(config.reaperEnabled()); // else the first spawn would pay for it
    scope = new ProcessScope(description, config, null, logDir);
    processes = new ScopedProcesses(scope);
  }

  public Processes processes() {
    return processes;
  }

  /** The pool {@code declaration} describes, owned by this scope (as for a field named name). */
  public WorkerPool pool(ProcessPool declaration, String name) {
    return WorkerPools.create(declaration, "field " + name, name, scope);
  }

  /** Stops everything the scope started, as at the end of a test. */
  @Override
  public void close() {
    scope.close();
  }

  /** Starts the reaper sidecar if this JVM has none: what the first test of a JVM pays once. */
  public static void startReaper() {
    Reaper.ensureStarted(ProcessConfig.fromSystemProperties().reaperEnabled());
    if (Reaper.pid() < 0) {
      throw new IllegalStateException("the reaper did not start");
    }
  }

  /** Ends the reaper sidecar, so that the next {@link #startReaper} pays its start-up again. */
  public static void discardReaper() {
    Reaper.discardSidecar();
  }
}
