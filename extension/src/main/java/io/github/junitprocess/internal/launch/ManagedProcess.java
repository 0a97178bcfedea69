package io.github.junitprocess.internal.launch;

import io.github.junitprocess.Output;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A process the extension started: the {@link SpawnedProcess} handle, its output captures and its
 * teardown. Created by {@link ProcessLauncher}.
 */
public class ManagedProcess implements SpawnedProcess {
  /** Longest time spent killing a tree before giving up and reporting it. */
  private final LaunchPlan plan;

  private final Process process;
  private final long pid;

  /** Start time in clock ticks since boot; 0 while not read (see {@link #startTicks()}). */
  private volatile long startTicks;

  private final String cookie;
  private final boolean groupLeader;
  private final OutputCapture stdout;
  private final OutputCapture stderr;
  private final StdinChannel stdin;
  private final long startNanos;
  private final CompletableFuture<Void> exit = new CompletableFuture<>();
  private final AtomicBoolean exitWatched = new AtomicBoolean();

  /** Guards {@link #watcher}, {@link #handOvers} and the two flags below them. */
  private final Object watchLock = new Object();

  /** The thread blocked in {@code waitFor} for {@link #exitFuture()}, while it is. */
  private Thread watcher;

  /** How many graceful stops wait for the exit in place of the watcher (stops may overlap). */
  private int handOvers;

  /** Whether the exit was watched when the first stop took over: it is watched again after. */
  private boolean watchBeforeHandOver;

  /** Set when a hand-over interrupted {@link #watcher}, so it knows the interrupt was ours. */
  private boolean interruptedByHandOver;

  private volatile long exitNanos;
  private volatile boolean stopRequested;

  /** Set when it failed to start or become ready: its exception already tells its story. */
  private volatile boolean startFailed;

  private volatile boolean sharedByRun;

  private volatile ProcessResult result;

  /** Signals and stops the tree; owns what a stop remembers between its steps. */
  private final TreeStop treeStop;

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
    this.stdin = new StdinChannel(this, plan.stdin() == null ? process.getOutputStream() : null);
    if (plan.ownGroup()) {
      exitFuture(); // long-running: watched from the start, so its exit time is exact
    }
    this.treeStop = new TreeStop(this, process, cookie, groupLeader, window);
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
  long startTicks(ProcFs.Stat stat) {
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
  public boolean leadsGroup() {
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
      CaptureThreads.EXECUTOR.execute(this::watchExit);
    }
    return exit;
  }

  private void watchExit() {
    synchronized (watchLock) {
      if (handOvers > 0 || exit.isDone()) {
        exitWatched.set(false); // a stop waits for the exit now; it watches again if need be
        return;
      }
      watcher = Thread.currentThread();
    }
    boolean exited = false;
    boolean handedOver;
    boolean watchAgain = false;
    try {
      process.waitFor();
      exited = true;
    } catch (InterruptedException e) {
      // handed over to a stop, or the JVM shuts down
    } finally {
      synchronized (watchLock) {
        watcher = null;
        handedOver = interruptedByHandOver;
        interruptedByHandOver = false;
        Thread.interrupted(); // a hand-over's interrupt must not reach the thread's next task
        if (!exited && handedOver) {
          exitWatched.set(false);
          watchAgain = handOvers == 0; // the stop ended before this thread saw its interrupt
        }
      }
    }
    if (exited) {
      markExited();
    } else if (!handedOver) {
      exit.completeExceptionally(new InterruptedException("exit watch interrupted"));
    } else if (watchAgain) {
      exitFuture();
    }
  }

  /**
   * Called by a graceful stop, which waits for the exit itself: the watcher stops waiting, so that
   * the exit wakes one thread instead of two (the stop completes {@link #exitFuture()}). The stop
   * calls it once its signal is sent: the watcher's wake-up on the other core then overlaps the
   * exit instead of the signal (measured: about 50 µs of a 350 µs stop on two cores). Each call is
   * followed by {@link #resumeExitWatch()}.
   */
  void handOverExitWatch() {
    synchronized (watchLock) {
      if (handOvers++ == 0) {
        watchBeforeHandOver = exitWatched.get();
      }
      if (watcher != null) {
        interruptedByHandOver = true;
        watcher.interrupt();
      }
    }
  }

  /** After a stop: watches again if the process still runs (the stop gave up, or failed). */
  void resumeExitWatch() {
    boolean watch;
    synchronized (watchLock) {
      watch = --handOvers == 0 && watchBeforeHandOver;
    }
    if (!process.isAlive()) {
      markExited();
    } else if (watch) {
      exitFuture();
    }
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

  /**
   * Marks this process as shared by the whole test run: from now on {@link #stop()} and {@link
   * #kill()} refuse; the run stops it (through {@link #terminate}) when it ends.
   */
  public void markSharedByRun() {
    sharedByRun = true;
  }

  /** Whether the whole test run shares this process ({@code share = RUN}). */
  public boolean sharedByRun() {
    return sharedByRun;
  }

  private void refuseIfShared(String method) {
    if (sharedByRun) {
      throw new IllegalStateException(
          method
              + " of process '"
              + name()
              + "' refused: it is shared by the test run (share = RUN), and other test classes"
              + " use it; it is stopped when the run ends. A test that needs to stop or kill its"
              + " process should declare its own (without share = RUN).");
    }
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
  public Map<String, Integer> namedPorts() {
    return plan.usedPorts();
  }

  @Override
  public Optional<Path> tempDir() {
    return Optional.ofNullable(plan.tempDir());
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
    // on a terminal, Enter: the terminal hands a program in line mode a \n for it
    String enter = plan.terminal() != null ? "\r" : "\n";
    return write((line + enter).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public SpawnedProcess write(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    stdin.write(bytes);
    return this;
  }

  @Override
  public void closeStdin() {
    stdin.close();
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
                this,
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
    treeStop.signal(signal);
  }

  /** {@code signal} to this process alone, not its group or tree (a JVM's thread dump). */
  void signalJvm(Signal signal) {
    treeStop.signalRoot(signal);
  }

  @Override
  public ProcessResult stop() {
    return stop(plan.stopTimeout());
  }

  @Override
  public ProcessResult stop(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    refuseIfShared("stop()");
    treeStop.stop(plan.stopSignal(), grace);
    return resultNow();
  }

  @Override
  public ProcessResult kill() {
    refuseIfShared("kill()");
    treeStop.stop(Signal.KILL, Duration.ZERO);
    return resultNow();
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
   * once for all its processes instead.
   *
   * @return true when everything is gone
   */
  public boolean terminate(Signal first, Duration grace, boolean sweep) {
    return treeStop.stop(first, grace, sweep);
  }

  /** Called by the tree stop: the extension is ending this process. */
  void markStopRequested() {
    stopRequested = true;
  }

  @Override
  public String toString() {
    return "SpawnedProcess[" + name() + ", pid " + pid + ", " + command() + "]";
  }
}
