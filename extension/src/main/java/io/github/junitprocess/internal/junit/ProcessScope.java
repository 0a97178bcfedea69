package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessLauncher;
import io.github.junitprocess.internal.launch.ProcessMessages;
import io.github.junitprocess.internal.launch.ReadinessWaiter;
import io.github.junitprocess.internal.launch.RunToCompletion;
import io.github.junitprocess.internal.os.ProcFs;
import io.github.junitprocess.internal.plan.FreePorts;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.plan.PlanContext;
import io.github.junitprocess.internal.plan.ProcessConfig;
import io.github.junitprocess.internal.pool.ProcessHolder;
import io.github.junitprocess.internal.support.DaemonThreads;
import io.github.junitprocess.internal.support.Problems;
import io.github.junitprocess.internal.teardown.PidWindow;
import io.github.junitprocess.internal.teardown.TempDirs;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything started for one JUnit scope (a test class or a test method): processes, pools, temp
 * directories. Owned by that scope's {@link ExtensionContext.Store}, which closes it when the scope
 * ends: resources are released in reverse order, then one sweep of /proc kills anything that
 * escaped its tree but carries a cookie of this scope.
 */
public final class ProcessScope implements PlanContext, AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create("io.github.junitprocess");

  private final String description;
  private final ProcessConfig config;
  private final Path logDir;

  /** The scope this one is nested in (a test's class, an outer class), or null. */
  private final ProcessScope parent;

  /** {@code ${port.NAME}} first used in this scope: seen here and by the scopes inside it. */
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();

  /** The names whose port a process of this scope took as its own {@code ${port}}. */
  private final Set<String> portOwners = ConcurrentHashMap.newKeySet();

  /** {@code ${tempDir.NAME}} first used in this scope, deleted with it. */
  private final Map<String, Path> tempDirs = new ConcurrentHashMap<>();

  private final List<Object> resources = new ArrayList<>();
  private final List<ManagedProcess> processes = new ArrayList<>();

  /** Shared processes and pools ({@code share = RUN}) this scope declared: reported, not owned. */
  private final List<Object> shared = new ArrayList<>();

  /** The processes, results and pools of this scope by name, for {@code dependsOn}: first wins. */
  private final Map<String, Object> named = new LinkedHashMap<>();

  /** What each process or pool of this scope waits for ({@code dependsOn}), by identity. */
  private final Map<Object, List<Object>> dependencies = new IdentityHashMap<>();

  /** Stop the processes and pools that nothing running depends on at once (see close()). */
  private final boolean stopConcurrently;

  private boolean closed;

  /** Opened before this scope's first spawn: lets close() skip the sweep when nothing escaped. */
  private final PidWindow window = new PidWindow();

  ProcessScope(String description, ProcessConfig config, ProcessScope parent, Path logDir) {
    this(description, config, parent, logDir, config.startConcurrent());
  }

  /**
   * {@code stopConcurrently} false keeps the reverse order of registration for everything (the
   * run's scope: shared processes stop in reverse order of their start).
   */
  ProcessScope(
      String description,
      ProcessConfig config,
      ProcessScope parent,
      Path logDir,
      boolean stopConcurrently) {
    this.description = description;
    this.config = config;
    this.parent = parent;
    this.logDir = logDir;
    this.stopConcurrently = stopConcurrently;
  }

  /** The scope of {@code context} (created on first use, with the scopes it is nested in). */
  public static ProcessScope of(ExtensionContext context) {
    ProcessScope existing = context.getStore(NAMESPACE).get(key(context), ProcessScope.class);
    if (existing != null) {
      return existing;
    }
    // the outermost class's parent is the run's scope: ${port.NAME} of a shared process
    ProcessScope parent =
        enclosing(context).map(ProcessScope::of).orElseGet(() -> RunShared.of(context).scope());
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            key(context),
            k -> {
              ProcessConfig config = config(context);
              String dirName = context.getTestClass().map(Class::getName).orElse("junit-process");
              return new ProcessScope(
                  context.getDisplayName(), config, parent, config.logDir().resolve(dirName));
            },
            ProcessScope.class);
  }

  /** The nearest context around {@code context} that belongs to a test class. */
  private static Optional<ExtensionContext> enclosing(ExtensionContext context) {
    for (ExtensionContext c = context.getParent().orElse(null);
        c != null;
        c = c.getParent().orElse(null)) {
      if (c.getTestClass().isPresent()) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The {@code junit.process.*} settings of the test run, read once. */
  static ProcessConfig config(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            ProcessConfig.class,
            c -> ProcessConfig.from(context::getConfigurationParameter),
            ProcessConfig.class);
  }

  /** The scope of {@code context} if one was created. */
  static Optional<ProcessScope> existing(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NAMESPACE).get(key(context), ProcessScope.class));
  }

  /** The scopes of {@code context} and its ancestors, innermost first. */
  static List<ProcessScope> chain(ExtensionContext context) {
    List<ProcessScope> out = new ArrayList<>();
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      existing(c).ifPresent(out::add);
    }
    return out;
  }

  private static String key(ExtensionContext context) {
    return "scope:" + context.getUniqueId();
  }

  @Override
  public ProcessConfig config() {
    return config;
  }

  /**
   * {@code ${port.NAME}}: the port of that name in this scope or the nearest scope around it that
   * has one; else a fresh port, allocated here, so that scopes which are not nested in one another
   * (two tests, two classes) never share it.
   */
  @Override
  public int namedPort(String name) {
    for (ProcessScope s = this; s != null; s = s.parent) {
      Integer port = s.ports.get(name);
      if (port != null) {
        return port;
      }
    }
    return ports.computeIfAbsent(name, n -> FreePorts.next());
  }

  /**
   * A process's own {@code ${port}}: the port of its name in this very scope, so that it shadows a
   * same-named port of an enclosing scope and a client of this scope reaches it by name.
   */
  @Override
  public int ownPort(String name) {
    if (portOwners.add(name)) {
      return ports.computeIfAbsent(name, n -> FreePorts.next());
    }
    // a second process of that name in this scope: never the first one's port, which its
    // readiness would find listening while it could not bind; ${port.NAME} stays the first's
    return FreePorts.next();
  }

  /**
   * {@code ${tempDir.NAME}}: the directory of that name in this scope or the nearest scope around
   * it; else a fresh one, made here and deleted when this scope ends (or by the reaper).
   */
  @Override
  public Path namedTempDir(String name) {
    for (ProcessScope s = this; s != null; s = s.parent) {
      Path dir = s.tempDirs.get(name);
      if (dir != null) {
        return dir;
      }
    }
    return tempDirs.computeIfAbsent(
        name,
        n -> {
          ensureOpen();
          // deleted when the scope closes, after every process and pool of it has stopped: a
          // pool registered before its workers' plans made the directory still uses it
          return TempDirs.create(config.reaperEnabled());
        });
  }

  @Override
  public Path logDir() {
    return logDir;
  }

  /** Starts {@code plan}; the scope owns the process from the moment it exists. */
  ManagedProcess launch(LaunchPlan plan) {
    ensureOpen();
    if (plan.tempDir() != null) {
      Path dir = plan.tempDir();
      register(() -> TempDirs.delete(dir));
    }
    ManagedProcess p = ProcessLauncher.start(plan, config, this::own);
    if (isClosed()) {
      // a start that was cancelled but had already spawned: the scope's close may have missed it
      p.terminate(io.github.junitprocess.Signal.KILL, java.time.Duration.ZERO, true);
      ensureOpen();
    }
    return p;
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private synchronized void own(ManagedProcess p) {
    resources.add(p);
    processes.add(p);
  }

  /** Starts {@code plan} and waits until it is ready. */
  ManagedProcess start(LaunchPlan plan) {
    ManagedProcess p = launch(plan);
    ReadinessWaiter.await(p);
    return p;
  }

  /** Runs {@code plan} to completion within its startup timeout. */
  ProcessResult run(LaunchPlan plan) {
    ManagedProcess p = launch(plan);
    return RunToCompletion.await(p, "process '" + p.name() + "'", () -> false);
  }

  /** Adds a resource closed with the scope, in reverse order of registration. */
  public synchronized void register(AutoCloseable resource) {
    ensureOpen();
    resources.add(resource);
  }

  synchronized List<ManagedProcess> processes() {
    return new ArrayList<>(processes);
  }

  /** Notes a shared process or pool this scope declared, for its failure reports. */
  synchronized void useShared(Object processOrPool) {
    if (!shared.contains(processOrPool)) {
      shared.add(processOrPool);
    }
  }

  /**
   * The scope's own processes, then those its pools hold now, then the shared ones it declared:
   * what a failed test reports.
   */
  List<ManagedProcess> reportedProcesses() {
    List<ManagedProcess> out;
    List<ProcessHolder> holders = new ArrayList<>();
    synchronized (this) {
      out = new ArrayList<>(processes);
      for (Object r : resources) {
        if (r instanceof ProcessHolder) {
          holders.add((ProcessHolder) r);
        }
      }
      for (Object s : shared) {
        if (s instanceof ManagedProcess) {
          out.add((ManagedProcess) s);
        } else if (s instanceof ProcessHolder) {
          holders.add((ProcessHolder) s);
        }
      }
    }
    for (ProcessHolder h : holders) {
      out.addAll(h.heldProcesses()); // outside the scope's lock: pools take their own
    }
    return out;
  }

  /** The scope around this one, or null for the run's. */
  ProcessScope parent() {
    return parent;
  }

  String description() {
    return description;
  }

  /** Notes {@code value} (a process, result or pool) under {@code name}, unless one has it. */
  synchronized void name(String name, Object value) {
    named.putIfAbsent(name, value);
  }

  /** The process, result or pool of this very scope named {@code name}, or null. */
  synchronized Object named(String name) {
    return named.get(name);
  }

  /** The names noted in this very scope, in order. */
  synchronized List<String> names() {
    return new ArrayList<>(named.keySet());
  }

  /**
   * Notes that {@code dependent} waits for {@code dependencies}: with concurrent stop, it is
   * stopped before them (the others are of other scopes, which end later anyway).
   */
  synchronized void dependsOn(Object dependent, List<Object> dependencies) {
    if (!dependencies.isEmpty()) {
      this.dependencies.put(dependent, new ArrayList<>(dependencies));
    }
  }

  /** Cookies of every process this scope started. */
  synchronized Set<String> cookies() {
    Set<String> out = new HashSet<>();
    for (ManagedProcess p : processes) {
      out.add(p.cookie());
    }
    return out;
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(
          "the scope '" + description + "' has ended; its processes were stopped");
    }
  }

  @Override
  public void close() {
    List<Object> toClose;
    List<ManagedProcess> started;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(resources);
      started = new ArrayList<>(processes);
    }
    Problems problems = new Problems();
    Set<Object> stopped = Collections.newSetFromMap(new IdentityHashMap<>());
    if (stopConcurrently) {
      stopped.addAll(stopConcurrently(toClose, problems));
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      Object r = toClose.get(i);
      if (!stopped.contains(r)) {
        closeOne(r, problems);
      }
    }
    try {
      sweep(started);
    } catch (Throwable t) {
      problems.add(t);
    }
    for (Path dir : tempDirs.values()) {
      try {
        TempDirs.delete(dir);
      } catch (Throwable t) {
        problems.add(t);
      }
    }
    problems.throwIfAny(
        first ->
            new ProcessException(
                "Stopping the processes of '" + description + "' failed: " + first, first));
  }

  private static void closeOne(Object r, Problems problems) {
    try {
      if (r instanceof ManagedProcess) {
        ManagedProcess p = (ManagedProcess) r;
        if (!p.terminate(p.plan().stopSignal(), p.plan().stopTimeout(), false)) {
          synchronized (problems) {
            problems.add(ProcessMessages.notKilled(p));
          }
        }
      } else {
        ((AutoCloseable) r).close();
      }
    } catch (Throwable t) {
      synchronized (problems) {
        problems.add(t);
      }
    }
  }

  private static boolean isStoppable(Object r) {
    return r instanceof ManagedProcess || r instanceof WorkerPool;
  }

  /**
   * Stops the processes and pools among {@code toClose}, each as soon as everything of this scope
   * that depends on it has stopped, on threads this call owns and shuts down; returns them. The
   * other resources (temp dirs, claims) are left for the ordered pass that follows.
   */
  private List<Object> stopConcurrently(List<Object> toClose, Problems problems) {
    Map<Object, List<Object>> edges;
    synchronized (this) {
      edges = new IdentityHashMap<>(dependencies);
    }
    List<Object> nodes = new ArrayList<>();
    for (Object r : toClose) {
      if (isStoppable(r)) {
        nodes.add(r);
      }
    }
    if (nodes.size() < 2) {
      return List.of(); // nothing to overlap: the ordered pass stops it
    }
    Map<Object, List<Object>> dependents = new IdentityHashMap<>();
    for (Object n : nodes) {
      for (Object d : edges.getOrDefault(n, List.of())) {
        dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
      }
    }
    ExecutorService stoppers = DaemonThreads.unbounded("stop", 1);
    try {
      Map<Object, CompletableFuture<Void>> done = new IdentityHashMap<>();
      // a dependent is registered after what it depends on (it started once that was ready), so
      // in reverse order each node's dependents have their futures already
      for (int i = nodes.size() - 1; i >= 0; i--) {
        Object n = nodes.get(i);
        List<CompletableFuture<Void>> before = new ArrayList<>();
        for (Object d : dependents.getOrDefault(n, List.of())) {
          CompletableFuture<Void> f = done.get(d);
          if (f != null) {
            before.add(f);
          }
        }
        done.put(
            n,
            CompletableFuture.allOf(before.toArray(new CompletableFuture<?>[0]))
                .handle((v, t) -> null)
                .thenRunAsync(() -> closeOne(n, problems), stoppers));
      }
      // join() is not interruptible: every stop is bounded by its grace and a KILL
      CompletableFuture.allOf(done.values().toArray(new CompletableFuture<?>[0])).join();
    } finally {
      stoppers.shutdownNow();
    }
    return nodes;
  }

  /** Kills what escaped the trees (setsid, double fork) but carries one of our cookies. */
  private void sweep(List<ManagedProcess> started) {
    if (started.isEmpty() || !ProcFs.AVAILABLE || window.onlyOurSpawnsSince()) {
      return; // no process but our own spawns came to be: none can have escaped
    }
    Set<String> cookies = new HashSet<>();
    Set<Long> groups = new HashSet<>(); // an escapee caught in its exec shows no marker
    long minTicks = Long.MAX_VALUE;
    for (ManagedProcess p : started) {
      cookies.add(p.cookie());
      if (p.leadsGroup()) {
        groups.add(p.pid());
      }
      minTicks = Math.min(minTicks, p.knownStartTicks()); // 0 when never read: no bound
    }
    // not the lowest pid of the processes: after a wrap-around an earlier one has a higher pid
    TreeKiller.killMarked(cookies, minTicks, window.firstPid(), groups, "'" + description + "'");
  }
}
