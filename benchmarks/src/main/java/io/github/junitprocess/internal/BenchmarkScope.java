package io.github.junitprocess.internal;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.Processes;
import io.github.junitprocess.WorkerPool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmark-only door into the engine without JUnit: the {@link ProcessScope} the extension would
 * create for one test, with the {@link Processes} bound to it. Logs go to a temporary directory
 * that is deleted with the scope. Lives in the engine's package because the scope's constructors
 * are package-private; it is not part of the library.
 */
public final class BenchmarkScope implements AutoCloseable {
  private final ProcessScope scope;
  private final Processes processes;
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
    ProcessConfig config = ProcessConfig.from(key -> Optional.ofNullable(settings.get(key)));
    try {
      logDir = Files.createTempDirectory("junit-process-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Reaper.ensureStarted(
        config); // started by the first launch otherwise: keep it out of the timings
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
    Reaper.ensureStarted(ProcessConfig.fromSystemProperties());
    if (Reaper.pid() < 0) {
      throw new IllegalStateException("the reaper did not start");
    }
  }

  /**
   * Ends the reaper sidecar and makes the engine forget it, so that the next {@link #startReaper}
   * pays the start-up again. Closing its stdin is what the sidecar takes as "the JVM is gone".
   */
  public static void discardReaper() {
    Process sidecar;
    OutputStream channel;
    synchronized (Reaper.class) {
      sidecar = (Process) read("sidecar");
      channel = (OutputStream) read("channel");
      write("sidecar", null);
      write("channel", null);
    }
    try {
      if (channel != null) {
        channel.close();
      }
      if (sidecar != null) {
        sidecar.waitFor();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Object read(String field) {
    try {
      return reaperField(field).get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(String field, Object value) {
    try {
      reaperField(field).set(null, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field reaperField(String name) {
    try {
      Field f = Reaper.class.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Reaper." + name + " is gone; update this benchmark", e);
    }
  }
}
