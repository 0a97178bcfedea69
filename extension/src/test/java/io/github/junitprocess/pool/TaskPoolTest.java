package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessStartException;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.WorkerPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskPoolTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @ProcessPool(size = 2)
  WorkerPool pool;

  @TempDir Path dir;

  @Test
  void neverRunsMoreTasksAtOnceThanItHasSlots() throws Exception {
    int n = 6;
    Gates gates = new Gates(dir, n);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    BlockingQueue<Integer> started = new LinkedBlockingQueue<>();
    List<CompletableFuture<ProcessResult>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ProcessSpec spec =
          ProcessSpec.of("sh", "-c", gates.waitFor(i))
              .onStdoutLine(
                  line -> {
                    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    started.add(Integer.parseInt(line.substring("started ".length())));
                  });
      CompletableFuture<ProcessResult> f = pool.submit(spec);
      f.whenComplete((r, e) -> running.decrementAndGet()); // before the gate lets it finish
      futures.add(f);
    }
    // keep both slots busy; free one at a time and see which task takes it
    Deque<Integer> holding = new ArrayDeque<>();
    holding.add(next(started));
    holding.add(next(started));
    for (int k = 2; k < n; k++) {
      int done = holding.remove();
      gates.open(done);
      assertThat(futures.get(done).get(WAIT.toSeconds(), TimeUnit.SECONDS).exitCode()).isZero();
      holding.add(next(started));
    }
    for (int i : holding) {
      gates.open(i);
    }
    for (CompletableFuture<ProcessResult> f : futures) {
      assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeded()).isTrue();
    }
    assertThat(mostRunning).hasValue(2);
    assertThat(started).isEmpty();
  }

  private static int next(BlockingQueue<Integer> started) throws InterruptedException {
    Integer i = started.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(i).as("a task started").isNotNull();
    return i;
  }

  @Test
  void runAllReturnsResultsInInputOrderWhateverOrderTheyFinishIn() throws Exception {
    Gates gates = new Gates(dir, 1);
    BlockingQueue<String> printed = new LinkedBlockingQueue<>();
    List<ProcessSpec> specs = new ArrayList<>();
    specs.add(ProcessSpec.of("sh", "-c", gates.waitFor(0) + "; echo first"));
    for (int i = 1; i <= 5; i++) {
      specs.add(ProcessSpec.of("echo", "task " + i).onStdoutLine(printed::add));
    }
    CompletableFuture<List<ProcessResult>> all =
        CompletableFuture.supplyAsync(() -> pool.runAll(specs));
    for (int i = 1; i <= 5; i++) {
      assertThat(printed.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("task ");
    }
    assertThat(all).isNotDone(); // the first task still waits for its gate
    gates.open(0);

    List<ProcessResult> results = all.get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(results)
        .extracting(ProcessResult::stdout)
        .containsExactly(
            "started 0\nfirst\n", "task 1\n", "task 2\n", "task 3\n", "task 4\n", "task 5\n");
  }

  @Test
  void runAllThrowsTheFirstFailureInInputOrderWithTheOthersSuppressed() {
    List<ProcessSpec> specs =
        List.of(
            ProcessSpec.of("true"),
            ProcessSpec.of("no-such-command-junit-process-1"),
            ProcessSpec.of("no-such-command-junit-process-2"));

    assertThatThrownBy(() -> pool.runAll(specs))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("no-such-command-junit-process-1")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(ProcessStartException.class)
                    .extracting(Throwable::getMessage)
                    .asString()
                    .contains("no-such-command-junit-process-2"));
  }

  @Test
  void aFutureCompletesWithTheResultWhateverTheExitCode() throws Exception {
    ProcessResult r =
        pool.submit("sh", "-c", "echo out; echo err >&2; exit 3")
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(r.command()).containsExactly("sh", "-c", "echo out; echo err >&2; exit 3");
  }

  @Test
  void stdinIsClosedAtOnceSoReadersSeeEndOfFile() throws Exception {
    ProcessResult r = pool.submit("cat").get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(r.succeeded()).isTrue();
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void aStartFailureReachesTheFutureAsProcessStartException() {
    CompletableFuture<ProcessResult> f = pool.submit("no-such-command-junit-process");

    assertThatThrownBy(() -> f.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("no-such-command-junit-process")
        .hasMessageContaining("not found on PATH");
  }

  @Test
  void aTaskPastItsStartupTimeoutIsKilledAndItsFutureFailsWithProcessTimeoutException()
      throws Exception {
    BlockingQueue<Long> pids = new LinkedBlockingQueue<>();
    CompletableFuture<ProcessResult> f =
        pool.submit(
            ProcessSpec.of("sh", "-c", "echo $$; exec sleep 60")
                .startupTimeout(Duration.ofMillis(300))
                .onStdoutLine(line -> pids.add(Long.parseLong(line))));

    assertThatThrownBy(() -> f.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 300ms")
        .hasMessageContaining("to finish")
        .hasMessageContaining("sleep 60");
    Long pid = pids.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(pid).isNotNull();
    assertThat(TestKit.isGone(pid)).as("pid %d gone", pid).isTrue();
  }

  @Test
  void executeCallsBackWithTheResultOnAPoolThread() throws Exception {
    BlockingQueue<ProcessResult> results = new LinkedBlockingQueue<>();
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();

    pool.execute(
        ProcessSpec.of("echo", "hi"),
        r -> {
          threads.add(Thread.currentThread().getName());
          results.add(r);
        });

    ProcessResult r = results.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    assertThat(r.stdout()).isEqualTo("hi\n");
    assertThat(threads.poll()).startsWith("junit-process-pool-pool-");
  }

  @Test
  void cancellingAFutureStopsItsProcess() throws Exception {
    BlockingQueue<Long> pids = new LinkedBlockingQueue<>();
    CompletableFuture<ProcessResult> f =
        pool.submit(
            ProcessSpec.of("sh", "-c", "echo $$; exec sleep 60")
                .onStdoutLine(line -> pids.add(Long.parseLong(line))));
    Long pid = pids.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(pid).isNotNull();

    f.cancel(true);

    assertThat(f).isCancelled();
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(20, TimeUnit.SECONDS).join());
    assertThat(TestKit.isGone(pid)).isTrue();
  }

  @Test
  void manyThreadsCanSubmitAtOnce() throws Exception {
    ExecutorService submitters = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<CompletableFuture<ProcessResult>>>> batches = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        batches.add(
            submitters.submit(
                () ->
                    IntStream.range(0, 10)
                        .mapToObj(i -> pool.submit("echo", thread + "-" + i))
                        .collect(Collectors.toList())));
      }
      List<String> outputs = new ArrayList<>();
      for (Future<List<CompletableFuture<ProcessResult>>> batch : batches) {
        for (CompletableFuture<ProcessResult> f : batch.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          outputs.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).stdout().strip());
        }
      }
      assertThat(outputs).hasSize(80).doesNotHaveDuplicates();
    } finally {
      submitters.shutdownNow();
    }
  }

  @Test
  void borrowingFromATaskPoolSaysWhatKindOfPoolItIs() {
    assertThatThrownBy(() -> pool.borrow())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("borrow() is for warm pools; 'pool' is a task pool of 2 slots")
        .hasMessageContaining("use submit()");
    assertThatThrownBy(() -> pool.borrow(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("borrow() is for warm pools");
    assertThatThrownBy(() -> pool.workers())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("workers() is for warm pools; 'pool' is a task pool");
  }

  @Test
  void aParameterGetsItsOwnPoolNamedAfterIt(@ProcessPool(size = 3) WorkerPool tasks)
      throws Exception {
    assertThat(tasks).isNotSameAs(pool);
    assertThat(tasks.size()).isEqualTo(3);
    assertThat(tasks.submit("echo", "x").get(WAIT.toSeconds(), TimeUnit.SECONDS).stdout())
        .isEqualTo("x\n");
    assertThatThrownBy(tasks::borrow).hasMessageContaining("'tasks' is a task pool of 3 slots");
  }
}
