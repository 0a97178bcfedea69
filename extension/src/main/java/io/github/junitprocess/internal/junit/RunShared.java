package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessMessages;
import io.github.junitprocess.internal.plan.ProcessConfig;
import io.github.junitprocess.internal.support.Durations;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The processes and pools declared with {@code share = RUN}: one per name for the whole test run.
 * Lives in the launcher session's store (one {@code mvn test} fork, one IDE run, one {@code
 * EngineTestKit} execution), which closes it when the run ends; its {@link #scope() scope} is the
 * outermost parent of every class's scope, so that {@code ${port.NAME}} of a shared process is seen
 * everywhere in the run.
 */
final class RunShared implements AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create("io.github.junitprocess", "run");

  /** Time a scope waits beyond the startup timeout for a start another scope is making. */
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

  private final ProcessScope scope;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private RunShared(ProcessConfig config) {
    this.scope =
        new ProcessScope(
            "the test run (share = RUN)", config, null, config.logDir().resolve("shared"), false);
  }

  /** The run's registry, made by the first scope that asks. */
  static RunShared of(ExtensionContext context) {
    return context
        .getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
        .getOrComputeIfAbsent(
            RunShared.class, k -> new RunShared(ProcessScope.config(context)), RunShared.class);
  }

  /** The scope that owns every shared process and pool; it closes when the run ends. */
  ProcessScope scope() {
    return scope;
  }

  /** One declaration of a shared name: the annotation, the injected type, where it was found. */
  static final class Declaration {
    final String name;
    final Annotation annotation;
    final Class<?> type;
    final String element;

    Declaration(String name, Annotation annotation, Class<?> type, String element) {
      this.name = name;
      this.annotation = annotation;
      this.type = type;
      this.element = element;
    }

    String what() {
      return "@"
          + annotation.annotationType().getSimpleName()
          + "(share = RUN) named '"
          + name
          + "'";
    }
  }

  private static final class Entry {
    final Declaration first;
    final AtomicBoolean started = new AtomicBoolean();
    final CompletableFuture<Object> value = new CompletableFuture<>();
    final Set<String> users = new LinkedHashSet<>();

    Entry(Declaration first) {
      this.first = first;
    }

    synchronized void used(String by) {
      users.add(by);
    }

    synchronized String users() {
      return String.join(", ", users);
    }
  }

  /**
   * Records {@code d}, or checks it against the first declaration of its name: a difference in any
   * member is an {@link ExtensionConfigurationException} naming both and the member. Nothing is
   * started; a process's {@code ${port}} is allocated now, so that {@code ${port.NAME}} anywhere in
   * the run is its port from here on.
   */
  void declare(Declaration d) {
    Entry e = entries.computeIfAbsent(d.name, n -> new Entry(d));
    if (e.first != d) {
      String difference = difference(e.first, d);
      if (difference != null) {
        throw new ExtensionConfigurationException(
            d.what()
                + " is declared twice, differently: "
                + e.first.element
                + " and "
                + d.element
                + " differ in "
                + difference
                + ". One shared process has one declaration: put the annotation on an annotation"
                + " of your own (e.g. @PostgresServer) and use that in both places, or give one"
                + " of them another name.");
      }
    }
    if (d.type != io.github.junitprocess.WorkerPool.class) {
      scope.namedPort(d.name);
    }
  }

  /**
   * The shared value of {@code d} (declared before): started by {@code start} in the run's scope if
   * no scope started it yet, else the one start made or making, waited for within the startup
   * timeout. A shared process that has exited since is a {@link ProcessExitedException}.
   */
  Object obtain(Declaration d, String user, Duration startupTimeout, Supplier<Object> start) {
    Entry e = entries.get(d.name);
    e.used(user);
    if (e.started.compareAndSet(false, true)) {
      try {
        Object v = start.get();
        if (v instanceof ManagedProcess) {
          ((ManagedProcess) v).markSharedByRun();
        }
        scope.name(d.name, v); // for dependsOn of any scope in the run
        e.value.complete(v);
      } catch (RuntimeException | Error t) {
        e.value.completeExceptionally(t);
        throw t;
      }
    }
    Object v = await(e, user, startupTimeout);
    if (v instanceof ManagedProcess && !((ManagedProcess) v).isAlive()) {
      ManagedProcess p = (ManagedProcess) v;
      throw new ProcessExitedException(
          "Process '"
              + p.name()
              + "' is shared by the test run (share = RUN) and has exited, so "
              + user
              + " cannot use it; a shared process is not restarted. Used by: "
              + e.users()
              + "\n"
              + ProcessMessages.details(p),
          p.result().orElse(null));
    }
    return v;
  }

  private static Object await(Entry e, String user, Duration startupTimeout) {
    Duration wait = startupTimeout.plus(WAIT_MARGIN);
    try {
      return e.value.get(Durations.waitNanos(wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException t) {
      throw new ProcessTimeoutException(
          e.first.what()
              + ": "
              + user
              + " waited "
              + Durations.format(wait)
              + " for its start by "
              + e.first.element
              + ", which has not finished; raise startupTimeout if it needs longer");
    } catch (ExecutionException x) {
      Throwable cause = x.getCause();
      String message =
          e.first.what()
              + " failed to start for "
              + e.first.element
              + ", so "
              + user
              + " cannot use it; it is not started again in this run. The failure: "
              + cause.getMessage();
      if (cause instanceof ExtensionConfigurationException) {
        throw new ExtensionConfigurationException(message, cause);
      }
      throw new ProcessStartException(message, cause);
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new ProcessStartException(
          "Interrupted while waiting for the start of " + e.first.what(), x);
    }
  }

  /** The names declared shared in this run so far, sorted. */
  List<String> names() {
    List<String> out = new ArrayList<>(entries.keySet());
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Whether the shared value of {@code name} exists and is ready now. */
  boolean isReady(String name) {
    Entry e = entries.get(name);
    return e != null && e.value.isDone() && !e.value.isCompletedExceptionally();
  }

  /**
   * The shared value of {@code name}, declared in the run but not by the asking scope: started (or
   * being started) by another scope, waited for like {@link #obtain}; null when no scope has begun
   * to start it (it will not be ready in time for this scope).
   */
  Object awaitStarted(String name, String user, Duration startupTimeout) {
    Entry e = entries.get(name);
    if (e == null || !e.started.get()) {
      return null;
    }
    e.used(user);
    return await(e, user, startupTimeout);
  }

  /** The first member in which two declarations differ, with both values; null when none. */
  private static String difference(Declaration a, Declaration b) {
    if (a.annotation.annotationType() != b.annotation.annotationType()) {
      return "the annotation (@"
          + a.annotation.annotationType().getSimpleName()
          + " vs @"
          + b.annotation.annotationType().getSimpleName()
          + ")";
    }
    if (a.type != b.type) {
      return "the injected type (" + a.type.getSimpleName() + " vs " + b.type.getSimpleName() + ")";
    }
    List<Method> members =
        new ArrayList<>(Arrays.asList(a.annotation.annotationType().getMethods()));
    members.removeIf(m -> m.getDeclaringClass() != a.annotation.annotationType());
    members.sort(Comparator.comparing(Method::getName));
    for (Method m : members) {
      if (m.getName().equals("name")) {
        continue; // the same shared name, given or taken from the element
      }
      Object x = read(m, a.annotation);
      Object y = read(m, b.annotation);
      if (!Objects.deepEquals(x, y)) {
        return m.getName() + " (" + show(x) + " vs " + show(y) + ")";
      }
    }
    return null;
  }

  private static Object read(Method m, Annotation a) {
    try {
      return m.invoke(a);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + m.getName() + " of " + a, e);
    }
  }

  private static String show(Object v) {
    if (v instanceof Object[]) {
      StringBuilder out = new StringBuilder("{");
      for (Object o : (Object[]) v) {
        out.append(out.length() > 1 ? ", " : "").append(show(o));
      }
      return out.append('}').toString();
    }
    if (v instanceof String) {
      return '"' + (String) v + '"';
    }
    if (v instanceof Class) {
      return ((Class<?>) v).getName() + ".class";
    }
    return String.valueOf(v);
  }

  /** Stops every shared process and pool, in reverse order of their start, with their trees. */
  @Override
  public void close() {
    scope.close();
  }
}
