package io.github.junitprocess.internal.launch;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessIOException;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.capture.CaptureThreads;
import io.github.junitprocess.internal.capture.OutputCapture;
import io.github.junitprocess.internal.capture.StreamOwner;
import io.github.junitprocess.internal.os.ProcFs;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.teardown.PidWindow;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A process the extension started: the {@link SpawnedProcess} handle, its output captures and its
 * teardown. Created by {@link ProcessLauncher}.
 */
public class ManagedProcess implements SpawnedProcess {
  /** Longest time spent killing a tree before giving up and reporting it. */
  public static final Duration KILL_DEADLINE = TreeKiller.KILL_DEADLINE;

  private final LaunchPlan plan;
  private final Process process;
  private final long pid;

  /** Start time in clock ticks since boot; 0 while not read (see {@link #startTicks()}). */
  private volatile long startTicks;

  private final String cookie;
  private final boolean groupLeader;
  private final OutputCapture stdout;
  private final OutputCapture stderr;
  private final OutputStream stdin;
  private final long startNanos;
  private final CompletableFuture<Void> exit = new CompletableFuture<>();
  private final AtomicBoolean exitWatched = new AtomicBoolean();
  private final Object stdinLock = new Object();
  private volatile long exitNanos;
  private volatile boolean stopRequested;

  /** Set while the test has sent STOP and no CONT since. */
  private volatile boolean suspended;

  private volatile boolean stdinClosed;

  /** Set when it failed to start or become ready: its exception already tells its story. */
  private volatile boolean startFailed;

  private volatile ProcessResult result;
  private volatile List<TreeKiller.Member> lastTree = List.of();

  /**
   * Opened just before the spawn of a long-running process (null for one run to completion): when
   * no pid but our own spawns came to be since, nothing can have escaped its tree, and {@link
   * #stop()} and {@link #kill()} skip the scan of /proc for escapees.
   */
  private final PidWindow window;

  ManagedProcess(
      LaunchPlan plan,
      Process process,
      String cookie,
      boolean groupLeader,
      OutputCapture stdout,
      OutputCapture stderr,
      long startNanos,
      PidWindow window) {
    this.plan = plan;
    this.window = window;
    this.process = process;
    this.pid = process.pid();
    if (plan.ownGroup() && ProcFs.AVAILABLE) {
      this.startTicks = Math.max(0, ProcFs.startTicks(pid)); // the reaper needs it at once
    }
    this.cookie = cookie;
    this.groupLeader = groupLeader;
    this.stdout = stdout;
    this.stderr = stderr;
    this.startNanos = startNanos;
    this.stdin = plan.stdin() == null ? process.getOutputStream() : null;
    this.stdinClosed = plan.stdin() != null;
    if (plan.ownGroup()) {
      exitFuture(); // long-running: watched from the start, so its exit time is exact
    }
    StreamOwner owner = new CaptureOwner();
    stdout.attach(owner);
    stderr.attach(owner);
  }

  public LaunchPlan plan() {
    return plan;
  }

  public String cookie() {
    return cookie;
  }

  /**
   * The start time in clock ticks since boot, the guard against a recycled pid. Read at spawn for a
   * long-running process; for one run to completion only when first needed (most never need it),
   * while it is alive. 0 when unknown: it had already gone.
   */
  long startTicks() {
    return startTicks(null);
  }

  /** {@link #startTicks()}, taken from {@code stat} when it is this pid's stat, just read. */
  private long startTicks(ProcFs.Stat stat) {
    long t = startTicks;
    if (t == 0 && ProcFs.AVAILABLE && process.isAlive()) {
      ProcFs.Stat st = stat != null ? stat : ProcFs.stat(pid);
      t = st == null ? 0 : Math.max(0, st.startTicks);
      if (process.isAlive()) { // still our unreaped child: the pid was not recycled meanwhile
        startTicks = t;
      } else {
        t = 0;
      }
    }
    return t;
  }

  /** True when started as the leader of its own session and group. */
  boolean leadsGroup() {
    return groupLeader;
  }

  /** The start time if it was read, otherwise 0; never reads. */
  public long knownStartTicks() {
    return startTicks;
  }

  /**
   * Completes when the process exits. The watch starts on first use: a process run to completion is
   * awaited by its caller with {@link #awaitExit} instead. The watcher is a reused capture thread
   * blocked in {@code waitFor}, not {@code Process.onExit()}, whose completion starts a new thread
   * per exit on machines with two cores or fewer.
   */
  CompletableFuture<Void> exitFuture() {
    if (!exit.isDone() && exitWatched.compareAndSet(false, true)) {
      CaptureThreads.EXECUTOR.execute(
          () -> {
            try {
              process.waitFor();
              markExited();
            } catch (InterruptedException e) {
              exit.completeExceptionally(e); // only at JVM shutdown: nobody waits any more
            }
          });
    }
    return exit;
  }

  /** Waits up to {@code nanos} for the exit, woken directly by the JDK when it happens. */
  boolean awaitExit(long nanos) throws InterruptedException {
    if (process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS)) {
      markExited();
      return true;
    }
    return false;
  }

  private void markExited() {
    if (!exit.isDone()) {
      exitNanos = System.nanoTime();
      exit.complete(null);
    }
  }

  public OutputCapture stdoutCapture() {
    return stdout;
  }

  public OutputCapture stderrCapture() {
    return stderr;
  }

  OutputCapture otherStream(OutputCapture one) {
    return one == stdout ? stderr : stdout;
  }

  /** What this process's streams know of it: no more than they need. */
  private final class CaptureOwner implements StreamOwner {
    @Override
    public String name() {
      return ManagedProcess.this.name();
    }

    @Override
    public SpawnedProcess process() {
      return ManagedProcess.this;
    }

    @Override
    public CompletableFuture<?> exitFuture() {
      return ManagedProcess.this.exitFuture();
    }

    @Override
    public ProcessResult resultNow() {
      return ManagedProcess.this.resultNow();
    }

    @Override
    public OutputCapture otherStream(OutputCapture stream) {
      return ManagedProcess.this.otherStream(stream);
    }

    @Override
    public String details() {
      return ProcessMessages.details(ManagedProcess.this);
    }
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  @Override
  public String name() {
    return plan.name();
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public List<String> command() {
    return plan.command();
  }

  @Override
  public Path workingDir() {
    return plan.workingDir();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Marks this process as one whose start (or readiness) failed. */
  void markStartFailed() {
    startFailed = true;
  }

  /** Whether its start or readiness failed (its failure already carries its output). */
  public boolean startFailed() {
    return startFailed;
  }

  @Override
  public int port() {
    if (plan.port() == null && plan.fromSpec()) {
      throw new IllegalStateException(
          "process '"
              + name()
              + "' has no ${port}: it was started from a ProcessSpec without readyPort. Take a"
              + " port from processes.freePort(), pass it in the spec's command or env, and give"
              + " it to readyPort(port); port() then returns it");
    }
    if (plan.port() == null) {
      throw new IllegalStateException(
          "process '" + name() + "' has no ${port}: use ${port} in its command, env or readyPort");
    }
    return plan.port().getAsInt();
  }

  @Override
  public int port(String name) {
    Objects.requireNonNull(name, "name");
    if (plan.namedPorts() == null) {
      throw new IllegalStateException("process '" + name() + "' has no named ports");
    }
    return plan.namedPorts().applyAsInt(name);
  }

  @Override
  public Output stdout() {
    return stdout;
  }

  @Override
  public Output stderr() {
    return stderr;
  }

  // ---- stdin ----

  @Override
  public SpawnedProcess write(String text) {
    Objects.requireNonNull(text, "text");
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public SpawnedProcess writeLine(String line) {
    Objects.requireNonNull(line, "line");
    return write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public SpawnedProcess write(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    synchronized (stdinLock) {
      if (stdin == null) {
        throw new ProcessIOException(
            ProcessMessages.stdinFailure(this, "stdin is redirected from " + plan.stdin()));
      }
      boolean exited = !process.isAlive();
      if (stdinClosed && !(exited && resultNow().stoppedByExtension())) {
        throw new ProcessIOException(
            ProcessMessages.stdinFailure(this, "stdin was closed (closeStdin(), or input given)"));
      }
      if (exited) {
        throw new ProcessIOException(
            ProcessMessages.stdinFailure(this, "the process " + ProcessMessages.status(this)));
      }
      try {
        stdin.write(bytes);
        stdin.flush();
      } catch (IOException e) {
        throw new ProcessIOException(
            ProcessMessages.stdinFailure(
                this,
                e.getMessage()
                    + (process.isAlive()
                        ? ""
                        : " (the process has exited: " + ProcessMessages.status(this) + ")")),
            e);
      }
    }
    return this;
  }

  @Override
  public void closeStdin() {
    synchronized (stdinLock) {
      if (stdinClosed || stdin == null) {
        stdinClosed = true;
        return;
      }
      stdinClosed = true;
      try {
        stdin.close();
      } catch (IOException ignored) {
        // the process has gone; its stdin is closed either way
      }
    }
  }

  // ---- waiting and results ----

  @Override
  public ProcessResult waitFor(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    try {
      if (!awaitExit(Durations.waitNanos(timeout))) {
        throw new ProcessTimeoutException(
            ProcessMessages.timeout(this, "waiting for the process to exit", timeout));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessTimeoutException(
          ProcessMessages.interrupted(this, "waiting for the process to exit"), e);
    }
    return resultNow();
  }

  @Override
  public Optional<ProcessResult> result() {
    return process.isAlive() ? Optional.empty() : Optional.of(resultNow());
  }

  /** The result once exited (waiting briefly for the last output), or null while running. */
  ProcessResult resultNow() {
    ProcessResult r = result;
    if (r != null) {
      return r;
    }
    if (process.isAlive()) {
      return null;
    }
    markExited(); // sets exitNanos unless a watcher or waiter did already
    long left = OutputCapture.DRAIN_GRACE.toNanos();
    long t0 = System.nanoTime();
    stdout.awaitEnd(OutputCapture.DRAIN_GRACE);
    stderr.awaitEnd(Duration.ofNanos(Math.max(0, left - (System.nanoTime() - t0))));
    synchronized (this) {
      if (result == null) {
        result =
            new ImmutableProcessResult(
                name(),
                command(),
                pid,
                process.exitValue(),
                stopRequested,
                stdout.text(),
                plan.mergeStderr() ? "" : stderr.text(),
                Duration.ofNanos(exitNanos - startNanos));
      }
      return result;
    }
  }

  // ---- signals and teardown ----

  @Override
  public void signal(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    if (signal == Signal.STOP || signal == Signal.CONT) {
      suspended = signal == Signal.STOP;
    }
    if (process.isAlive() && groupLeader && signal != Signal.KILL && leadsItsGroup()) {
      TreeKiller.sendToGroup(pid, signal);
      return;
    }
    List<TreeKiller.Member> targets = new ArrayList<>();
    if (process.isAlive()) {
      TreeKiller.member(pid).ifPresent(targets::add);
      targets.addAll(TreeKiller.descendants(pid));
    } else {
      targets.addAll(TreeKiller.marked(Set.of(cookie), knownStartTicks(), pid));
    }
    TreeKiller.send(targets, signal);
  }

  @Override
  public ProcessResult stop() {
    return stop(plan.stopTimeout());
  }

  @Override
  public ProcessResult stop(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    terminate(plan.stopSignal(), grace, mayHaveEscapees());
    return resultNow();
  }

  @Override
  public ProcessResult kill() {
    terminate(Signal.KILL, Duration.ZERO, mayHaveEscapees());
    return resultNow();
  }

  /**
   * Whether descendants may have left the tree (setsid, double fork), so that a stop must look for
   * them by marker: when it leaves, nothing it started may be left, not only at scope end.
   */
  private boolean mayHaveEscapees() {
    return window == null ? !process.isAlive() : !window.onlyOurSpawnsSince();
  }

  @Override
  public List<ProcessHandle> descendants() {
    List<ProcessHandle> out = new ArrayList<>();
    for (TreeKiller.Member m : TreeKiller.descendants(pid)) {
      out.add(m.handle);
    }
    return out;
  }

  /**
   * Stops the tree: {@code first} to every member, up to {@code grace} for them to exit, then KILL
   * to whatever is left, until all are gone. With {@code sweep}, processes that escaped the tree
   * but carry this process's cookie are included; that costs a scan of /proc, so the scope does it
   * once for all its processes instead (and {@code stop()} only when the root has already gone).
   *
   * @return true when everything is gone
   */
  public boolean terminate(Signal first, Duration grace, boolean sweep) {
    if (process.isAlive()) {
      stopRequested = true;
      if (first != Signal.KILL && !grace.isZero() && !grace.isNegative()) {
        ProcFs.Stat root = ProcFs.AVAILABLE ? ProcFs.stat(pid) : null;
        List<TreeKiller.Member> tree = tree(root);
        lastTree = tree;
        try {
          TreeKiller.send(tree, first);
          if (first != Signal.CONT && (suspended || (root != null && root.state == 'T'))) {
            // a stopped process acts on the signal only when continued; the state check alone
            // would race with a STOP that was sent but not yet acted on
            TreeKiller.send(tree, Signal.CONT);
          }
        } catch (RuntimeException e) {
          // e.g. no kill command: KILL below still ends the tree
        }
        long deadline = System.nanoTime() + Durations.waitNanos(grace);
        try {
          awaitExit(Durations.waitNanos(grace)); // escalate below if still running
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        TreeKiller.awaitGone(tree.subList(Math.min(1, tree.size()), tree.size()), deadline);
        if (tree.size() == 1 && !sweep && !process.isAlive()) {
          closeStdin(); // the root was the whole tree and the JDK has reaped it: nothing is left
          return true;
        }
      }
    }
    return killRemaining(sweep);
  }

  /** False in the instant after spawn, before the setsid wrapper has made the new group. */
  private boolean leadsItsGroup() {
    ProcFs.Stat st = ProcFs.AVAILABLE ? ProcFs.stat(pid) : null;
    return st != null && st.pgrp == pid;
  }

  private List<TreeKiller.Member> tree() {
    return tree(ProcFs.AVAILABLE ? ProcFs.stat(pid) : null);
  }

  /** The root and its live descendants; {@code root} is its stat, read just before. */
  private List<TreeKiller.Member> tree(ProcFs.Stat root) {
    List<TreeKiller.Member> tree = new ArrayList<>();
    long ticks = startTicks(root); // no second read for a process run to completion
    if (ticks > 0 || !ProcFs.AVAILABLE) {
      tree.add(new TreeKiller.Member(process.toHandle(), ticks));
    }
    tree.addAll(TreeKiller.descendants(pid, root == null ? 0 : root.threads));
    return tree;
  }

  /** KILLs the tree (and, with sweep, marked escapees) until nothing is left. */
  boolean killRemaining(boolean sweep) {
    long deadline = System.nanoTime() + KILL_DEADLINE.toNanos();
    List<TreeKiller.Member> known = new ArrayList<>(lastTree);
    while (true) {
      List<TreeKiller.Member> targets = new ArrayList<>();
      if (process.isAlive()) {
        targets.addAll(tree());
      }
      for (TreeKiller.Member m : known) {
        if (!m.isGone()) {
          targets.add(m);
          targets.addAll(TreeKiller.descendants(m.pid()));
        }
      }
      if (sweep) {
        // not its own pid as the bound: after a wrap-around its escapees have lower pids
        long firstPid = window == null ? pid : window.firstPid();
        targets.addAll(TreeKiller.marked(Set.of(cookie), knownStartTicks(), firstPid));
      }
      targets = TreeKiller.distinct(targets);
      targets.removeIf(TreeKiller.Member::isGone);
      if (targets.isEmpty() && !process.isAlive()) {
        closeStdin();
        return true;
      }
      if (process.isAlive()) {
        stopRequested = true;
        process.destroyForcibly();
      }
      TreeKiller.send(targets, Signal.KILL);
      known = targets;
      long shortWait = Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
      try {
        awaitExit(shortWait - System.nanoTime()); // checked below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      TreeKiller.awaitGone(targets, shortWait);
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
    }
  }

  @Override
  public String toString() {
    return "SpawnedProcess[" + name() + ", pid " + pid + ", " + command() + "]";
  }
}
