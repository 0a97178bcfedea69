package io.github.junitprocess.benchmarks;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.Processes;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.junit.DetachedScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine without JUnit, through its seam {@link DetachedScope}: the scope the extension would
 * create for one test, with the {@link Processes} bound to it. Logs go to a temporary directory
 * that is deleted with the scope.
 */
public final class BenchmarkScope implements AutoCloseable {
  private final DetachedScope scope;
  private final Path logDir;

  /** A scope as the extension makes it, with the configuration from system properties. */
  public BenchmarkScope(String description) {
    this(description, Map.of());
  }

  /**
   * A scope with {@code settings} ({@code junit.process.*} keys, as in {@code
   * junit-platform.properties}) over the system properties.
   */
  public BenchmarkScope(String description, Map<String, String> settings) {
    try {
      logDir = Files.createTempDirectory("junit-process-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    scope = new DetachedScope(description, settings, logDir);
  }

  public Processes processes() {
    return scope.processes();
  }

  /** The pool {@code declaration} describes, owned by this scope (as for a field named name). */
  public WorkerPool pool(ProcessPool declaration, String name) {
    return scope.pool(declaration, name);
  }

  /** Deletes the log files written so far (capture benchmarks write hundreds of MiB each). */
  public void deleteLogs() {
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops everything the scope started, as at the end of a test, then deletes the logs. */
  @Override
  public void close() {
    try {
      scope.close();
    } finally {
      try (Stream<Path> all = Files.walk(logDir)) {
        for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts the reaper sidecar if this JVM has none: what the first test of a JVM pays once. */
  public static void startReaper() {
    DetachedScope.startReaper();
  }

  /** Ends the reaper sidecar, so that the next {@link #startReaper} pays the start-up again. */
  public static void discardReaper() {
    DetachedScope.discardReaper();
  }
}
