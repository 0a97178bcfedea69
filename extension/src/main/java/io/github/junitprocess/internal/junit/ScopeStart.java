package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.internal.plan.DependencyOrder;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.support.DaemonThreads;
import io.github.junitprocess.internal.support.Problems;
import io.github.junitprocess.internal.teardown.TempDirs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The start of the processes, results and pools one injection declares for a scope (the static
 * fields of a class, the instance fields of a test instance), in three steps: every {@code
 * dependsOn} is checked (unknown names, cycles) before anything starts; every plan is made on the
 * calling thread in dependency order, so that ports and temp dirs are allocated as in a sequential
 * start; then the elements start, one at a time in dependency order, or with {@code
 * junit.process.start.concurrent} each as soon as what it depends on is ready, on threads this
 * start owns and always shuts down. A failure stops the start: dependents are not started and the
 * failure names them; what was started stays owned by the scope, which stops it when it ends. The
 * timings are published as the report entry {@value #REPORT_KEY}.
 */
final class ScopeStart {
  /** The key of the report entry with the timings of a scope's start. */
  static final String REPORT_KEY = "junit-process.startup";

  /**
   * How long a cancelled start may take to let go of its threads (a spawn is not interruptible).
   */
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

  /** What an element is, for the timings. */
  enum Kind {
    PROCESS,
    RESULT,
    POOL,
    SHARED,
    OTHER
  }

  /** One element of the start: a field with its declaration, and what the start found out. */
  static final class Node {
    final String where;
    final String name;
    final List<String> dependsOn;
    final Kind kind;

    /** Plans the element on the calling thread; returns what starts it, on any thread. */
    private final Supplier<Starter> prepare;

    private Starter starter;
    final List<Node> inner = new ArrayList<>();
    final List<Object> outer = new ArrayList<>();
    final List<String> waitedFor = new ArrayList<>();
    volatile Object value;
    volatile long spawned = -1;
    volatile long ready = -1;
    volatile Throwable failure;

    /**
     * {@code name} null for an element no other can depend on ({@code Processes}); {@code where} is
     * the element in messages ({@code @SpawnProcess on field 'api' in …}).
     */
    Node(String where, String name, String[] dependsOn, Kind kind, Supplier<Starter> prepare) {
      this.where = where;
      this.name = name;
      this.dependsOn = List.of(dependsOn);
      this.kind = kind;
      this.prepare = prepare;
    }
  }

  /** What starts a planned element; {@code plan} when it is a process (its temp dir), else null. */
  static final class Starter {
    final LaunchPlan plan;
    final Supplier<Object> start;
    volatile String note = "";
    volatile boolean begun;

    Starter(LaunchPlan plan, Supplier<Object> start) {
      this.plan = plan;
      this.start = start;
    }
  }

  private final ExtensionContext context;
  private final ProcessScope scope;
  private final List<Node> nodes;
  private final boolean concurrent;
  private long t0;

  private ScopeStart(ExtensionContext context, ProcessScope scope, List<Node> nodes) {
    this.context = context;
    this.scope = scope;
    this.nodes = nodes;
    this.concurrent = scope.config().startConcurrent();
  }

  /**
   * Checks, plans and starts {@code nodes} for {@code scope}; returns when all are ready, throws
   * the first failure otherwise. Each node's {@link Node#value} holds what was made.
   */
  static void start(ExtensionContext context, ProcessScope scope, List<Node> nodes) {
    new ScopeStart(context, scope, nodes).run();
  }

  private void run() {
    resolve();
    List<Node> order = order();
    for (Node n : order) {
      n.starter = n.prepare.get();
    }
    t0 = System.nanoTime();
    Throwable failure = null;
    try {
      failure = concurrent ? startConcurrently(order) : startInOrder(order);
    } finally {
      for (Node n : order) {
        LaunchPlan plan = n.starter.plan;
        if (!n.starter.begun && plan != null && plan.tempDir() != null) {
          scope.register(() -> TempDirs.delete(plan.tempDir())); // planned, never launched
        }
      }
      publish(order);
    }
    if (failure != null) {
      Throwable thrown = withDependents(failure, order);
      if (thrown instanceof Error) {
        throw (Error) thrown;
      }
      throw (RuntimeException) thrown; // startOne keeps only unchecked failures
    }
  }

  /** Finds what each dependency names: an element of this start, or one already running. */
  private void resolve() {
    RunShared run = RunShared.of(context);
    for (Node n : nodes) {
      for (String dep : n.dependsOn) {
        Node here = byName(dep);
        if (here != null) {
          n.inner.add(here);
          continue;
        }
        ProcessScope found = scope;
        Object running = found.named(dep);
        while (running == null && found.parent() != null) {
          found = found.parent();
          running = found.named(dep);
        }
        if (running != null) {
          n.outer.add(running);
          n.waitedFor.add(
              found == scope
                  ? dep
                  : dep + (found.parent() == null ? " (shared by the run)" : " (enclosing scope)"));
        } else if (run.names().contains(dep)) {
          n.outer.add(new SharedName(dep));
          n.waitedFor.add(dep + " (shared by the run)");
        } else {
          throw unknown(n, dep, run);
        }
      }
    }
    int[] cycle = DependencyOrder.cycle(nodes.size(), this::edges);
    if (cycle.length > 0) {
      List<String> names = new ArrayList<>();
      for (int i : cycle) {
        names.add(nodes.get(i).name);
      }
      throw new ExtensionConfigurationException(
          nodes.get(cycle[0]).where
              + ": dependsOn forms a cycle: "
              + String.join(" -> ", names)
              + ". A process can wait only for processes that do not wait for it; remove one of"
              + " these dependencies.");
    }
  }

  /** A dependency on a shared process that another scope of the run declared. */
  private static final class SharedName {
    final String name;

    SharedName(String name) {
      this.name = name;
    }
  }

  /** The indices of the elements of this start that element {@code i} depends on. */
  private int[] edges(int i) {
    return nodes.get(i).inner.stream().mapToInt(nodes::indexOf).toArray();
  }

  private Node byName(String name) {
    for (Node n : nodes) {
      if (name.equals(n.name)) {
        return n;
      }
    }
    return null;
  }

  private ExtensionConfigurationException unknown(Node n, String dep, RunShared run) {
    Set<String> here = new LinkedHashSet<>();
    for (Node other : nodes) {
      if (other.name != null) {
        here.add(other.name);
      }
    }
    here.addAll(scope.names());
    Set<String> enclosing = new LinkedHashSet<>();
    for (ProcessScope s = scope.parent(); s != null && s.parent() != null; s = s.parent()) {
      enclosing.addAll(s.names());
    }
    return new ExtensionConfigurationException(
        n.where
            + ": dependsOn names '"
            + dep
            + "', but no process of this scope, of an enclosing scope or shared by the run is"
            + " named so. Available here: "
            + list(here)
            + "; in enclosing scopes: "
            + list(enclosing)
            + "; shared by the run: "
            + list(run.names())
            + ". Use one of these names, or declare the process '"
            + dep
            + "' (an instance process can wait for a static one, not the other way round).");
  }

  private static String list(java.util.Collection<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  /** Declaration order, each element moved later only as far as its dependencies require. */
  private List<Node> order() {
    int[] order = DependencyOrder.order(nodes.size(), this::edges);
    List<Node> out = new ArrayList<>();
    for (int i : order) {
      out.add(nodes.get(i));
    }
    return out;
  }

  private Throwable startInOrder(List<Node> order) {
    for (Node n : order) {
      startOne(n);
      if (n.failure != null) {
        return n.failure;
      }
    }
    return null;
  }

  /** Starts {@code n} on the calling thread; a failure is kept in the node, not thrown. */
  private void startOne(Node n) {
    try {
      for (Object o : n.outer) {
        if (o instanceof SharedName) {
          awaitShared(n, ((SharedName) o).name);
        }
      }
      n.spawned = System.nanoTime();
      n.starter.begun = true;
      n.value = n.starter.start.get();
      n.ready = System.nanoTime();
      if (n.name != null) {
        scope.name(n.name, n.value);
      }
      List<Object> deps = new ArrayList<>(n.outer);
      n.inner.forEach(d -> deps.add(d.value));
      scope.dependsOn(n.value, deps);
    } catch (RuntimeException | Error t) {
      n.failure = t;
      n.ready = System.nanoTime();
    }
  }

  private void awaitShared(Node n, String name) {
    RunShared run = RunShared.of(context);
    Object v = run.awaitStarted(name, context.getDisplayName(), scope.config().startupTimeout());
    if (v == null) {
      throw new ProcessStartException(
          n.where
              + ": dependsOn names '"
              + name
              + "', a process shared by the run that no scope has started yet, so it would not"
              + " be ready: declare it (share = RUN) in this class too, so that it starts here"
              + " first");
    }
  }

  /**
   * Spawns every element whose dependencies are ready, each on a thread of its own, and waits for
   * the next to finish; returns the first failure, after cancelling the starts still running.
   */
  private Throwable startConcurrently(List<Node> order) {
    List<Node> pending = new ArrayList<>(order);
    ExecutorService starters = DaemonThreads.unbounded("start", 1);
    CompletionService<Node> done = new ExecutorCompletionService<>(starters);
    int running = 0;
    try {
      while (true) {
        for (java.util.Iterator<Node> it = pending.iterator(); it.hasNext(); ) {
          Node n = it.next();
          if (n.inner.stream().allMatch(d -> d.ready >= 0 && d.failure == null)) {
            it.remove();
            done.submit(
                () -> {
                  startOne(n);
                  return n;
                });
            running++;
          }
        }
        if (running == 0) {
          return null;
        }
        Node finished = done.take().get();
        running--;
        if (finished.failure != null) {
          return finished.failure;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      List<String> waiting = new ArrayList<>();
      for (Node n : order) {
        if (n.ready < 0 && n.name != null) {
          waiting.add(n.name);
        }
      }
      return new ProcessException(
          "Interrupted while starting the processes of '"
              + scope.description()
              + "' (not ready yet: "
              + list(waiting)
              + "); the starts were cancelled and what was started is stopped with the scope",
          e);
    } catch (ExecutionException e) {
      // startOne keeps its failures in the node: not expected
      return new ProcessException("Starting the processes failed: " + e.getCause(), e.getCause());
    } finally {
      starters.shutdownNow(); // interrupts the starts still waiting for readiness
      awaitQuietly(starters);
    }
  }

  /** Waits for the cancelled starts to let go, keeping an interrupt for the caller. */
  private static void awaitQuietly(ExecutorService starters) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
    try {
      while (true) {
        try {
          if (starters.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
              || System.nanoTime() >= deadline) {
            return;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The elements that depend on {@code failed}, directly or not, in start order. */
  private static List<Node> dependents(Node failed, List<Node> order) {
    Set<Node> out = new LinkedHashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Node n : order) {
        if (!out.contains(n)
            && (n.inner.contains(failed) || n.inner.stream().anyMatch(out::contains))) {
          grew |= out.add(n);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The failure as the same kind of exception, its message naming the dependents that were not
   * started; the failure itself when none depends on it.
   */
  private Throwable withDependents(Throwable failure, List<Node> order) {
    Node failed = null;
    for (Node n : order) {
      if (n.failure == failure) {
        failed = n;
      }
    }
    if (failed == null || failed.name == null) {
      return failure;
    }
    List<String> names = new ArrayList<>();
    for (Node d : dependents(failed, order)) {
      if (d.spawned < 0) {
        names.add(d.name);
      }
    }
    if (names.isEmpty()) {
      return failure;
    }
    String message =
        failure.getMessage()
            + "\nNot started, because they depend on '"
            + failed.name
            + "' (dependsOn): "
            + String.join(", ", names);
    RuntimeException out;
    if (failure instanceof ProcessExitedException) {
      out =
          new ProcessExitedException(
              message, ((ProcessExitedException) failure).result().orElse(null));
    } else if (failure instanceof ProcessTimeoutException) {
      out = new ProcessTimeoutException(message, failure.getCause());
    } else if (failure instanceof ProcessStartException) {
      out = new ProcessStartException(message, failure.getCause());
    } else if (failure instanceof ExtensionConfigurationException) {
      out = new ExtensionConfigurationException(message, failure.getCause());
    } else if (failure instanceof ProcessException) {
      out = new ProcessException(message, failure.getCause());
    } else {
      return failure;
    }
    return Problems.retold(failure, out);
  }

  /** Publishes the timings, one line per element, when anything was started. */
  private void publish(List<Node> order) {
    if (order.stream().noneMatch(n -> n.spawned >= 0 && n.kind != Kind.OTHER)) {
      return;
    }
    StringBuilder text = new StringBuilder(concurrent ? "concurrent start" : "sequential start");
    for (Node n : order) {
      if (n.kind == Kind.OTHER) {
        continue;
      }
      text.append('\n').append(line(n));
    }
    context.publishReportEntry(REPORT_KEY, text.toString());
  }

  private String line(Node n) {
    StringBuilder out = new StringBuilder(n.name);
    if (n.kind == Kind.POOL) {
      out.append(" (pool)");
    }
    if (n.spawned < 0) {
      Node cause = null;
      for (Node d : n.inner) {
        if (d.failure != null || d.spawned < 0) {
          cause = d;
          break;
        }
      }
      return out.append(" not started")
          .append(cause != null ? ": depends on " + cause.name : "")
          .toString();
    }
    if (n.kind == Kind.SHARED) {
      out.append(" (shared by the run) ").append(n.starter.note).append(':');
    }
    out.append(n.kind == Kind.RESULT ? " ran " : " spawned ").append(offset(n.spawned));
    List<String> after = new ArrayList<>();
    n.inner.forEach(d -> after.add(d.name));
    after.addAll(n.waitedFor);
    if (!after.isEmpty()) {
      out.append(" after ").append(String.join(", ", after));
    }
    if (n.failure != null) {
      return out.append(", failed ")
          .append(offset(n.ready))
          .append(" (")
          .append(n.failure.getClass().getSimpleName())
          .append(')')
          .toString();
    }
    if (n.ready >= 0) {
      out.append(n.kind == Kind.RESULT ? ", finished " : ", ready ").append(offset(n.ready));
    }
    return out.toString();
  }

  /** {@code +812ms}, {@code +1.4s}: milliseconds below a second, tenths above. */
  private String offset(long nanos) {
    long ms = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos - t0));
    Duration d = ms < 1000 ? Duration.ofMillis(ms) : Duration.ofMillis((ms + 50) / 100 * 100);
    return "+" + io.github.junitprocess.ProcessFormat.duration(d);
  }
}
