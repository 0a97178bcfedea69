package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.Processes;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.plan.ProcessConfig;
import io.github.junitprocess.internal.teardown.Reaper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's seam for code that drives it outside the extension (the benchmarks, and the
 * assertions module's transcripts, released with this module): a scope exactly as the extension
 * makes one for a test, with the {@link Processes} bound to it, and the reaper's start-up. What it
 * starts is registered with the reaper, stopped with its whole tree at {@link #close()}, and never
 * reported as another test's leak. Not part of the library's API.
 */
public final class DetachedScope implements AutoCloseable {
  private final ProcessScope scope;
  private final Processes processes;

  /**
   * A scope with {@code settings} ({@code junit.process.*} keys, as in {@code
   * junit-platform.properties}) over the system properties, logging to {@code logDir}.
   */
  public DetachedScope(String description, Map<String, String> settings, Path logDir) {
    this(description, ProcessConfig.from(key -> Optional.ofNullable(settings.get(key))), logDir);
  }

  private DetachedScope(String description, ProcessConfig config, Path logDir) {
    Reaper.ensureStarted(config.reaperEnabled()); // else the first spawn would pay for it
    scope = new ProcessScope(description, config, null, logDir);
    processes = new ScopedProcesses(scope);
  }

  /**
   * A scope with the settings {@code settings} gives ({@code junit.process.*} keys: a test's
   * configuration parameters) over the system properties, logging to {@code logDirName} below the
   * configured log directory.
   */
  public static DetachedScope of(
      String description, Function<String, Optional<String>> settings, String logDirName) {
    ProcessConfig config = ProcessConfig.from(settings);
    return new DetachedScope(description, config, config.logDir().resolve(logDirName));
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
