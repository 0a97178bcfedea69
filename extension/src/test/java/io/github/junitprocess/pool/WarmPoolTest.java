package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.WorkerPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WarmPoolTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** A worker that echoes its stdin, ready once it says so. */
  @ProcessPool(
      size = 2,
      value = {"sh", "-c", "echo READY $$; exec cat"},
      readyLine = "READY")
  WorkerPool workers;

  @ProcessPool(
      size = 1,
      value = {"sh", "-c", "echo READY $$; exec cat"},
      readyLine = "READY",
      maxUses = 2)
  WorkerPool rotating;

  @Test
  void startsEveryWorkerReadyAndNamedAfterThePool() {
    List<SpawnedProcess> all = workers.workers();

    assertThat(workers.size()).isEqualTo(2);
    assertThat(all).extracting(SpawnedProcess::name).containsExactly("workers-1", "workers-2");
    assertThat(all).allMatch(SpawnedProcess::isAlive);
    assertThat(all).extracting(SpawnedProcess::pid).doesNotHaveDuplicates();
    for (SpawnedProcess w : all) {
      assertThat(w.stdout().text()).isEqualTo("READY " + w.pid() + "\n");
    }
  }

  @Test
  void aReturnedWorkerIsLentAgain() {
    long first;
    try (PooledProcess w = workers.borrow()) {
      first = w.pid();
      w.writeLine("hello");
      assertThat(w.stdout().awaitLine("hello", WAIT)).isEqualTo("hello");
    }
    try (PooledProcess again = workers.borrow()) {
      assertThat(again.pid()).isEqualTo(first);
      assertThat(again.isAlive()).isTrue();
    }
  }

  @Test
  void aReturnedHandleCanNoLongerTouchTheWorker() {
    PooledProcess w = workers.borrow();
    w.close();
    w.close(); // idempotent

    assertThat(w.name()).startsWith("workers-");
    assertThatThrownBy(() -> w.writeLine("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was returned to pool 'workers'");
    assertThatThrownBy(w::kill).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void borrowWaitsUntilItsTimeoutWhenEveryWorkerIsLent() {
    try (PooledProcess a = workers.borrow();
        PooledProcess b = workers.borrow()) {
      assertThat(a.pid()).isNotEqualTo(b.pid());

      assertThatThrownBy(() -> workers.borrow(Duration.ofMillis(200)))
          .isInstanceOf(ProcessTimeoutException.class)
          .hasMessageContaining("Timed out after 200ms waiting for a free worker of pool 'workers'")
          .hasMessageContaining("2 borrowed");
    }
  }

  @Test
  void aWaitingBorrowerGetsTheWorkerReturnedFirst() throws Exception {
    PooledProcess a = workers.borrow();
    PooledProcess b = workers.borrow();
    CompletableFuture<PooledProcess> waiting =
        CompletableFuture.supplyAsync(() -> workers.borrow(WAIT));
    long pid = b.pid();

    b.close();

    try (PooledProcess got = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      assertThat(got.pid()).isEqualTo(pid);
    } finally {
      a.close();
    }
  }

  @Test
  void aWorkerKilledByItsBorrowerIsReplacedInItsSlot() {
    long killed;
    String slot;
    try (PooledProcess w = workers.borrow()) {
      killed = w.pid();
      slot = w.name();
      w.kill();
    }

    // both workers are back once the replacement is ready: borrow both
    try (PooledProcess a = workers.borrow(WAIT);
        PooledProcess b = workers.borrow(WAIT)) {
      assertThat(List.of(a.pid(), b.pid())).doesNotContain(killed);
      assertThat(a.isAlive() && b.isAlive()).isTrue();
      assertThat(List.of(a.name(), b.name())).containsExactlyInAnyOrder("workers-1", "workers-2");
    }
    assertThat(TestKit.isGone(killed)).isTrue();
    assertThat(workers.workers())
        .extracting(SpawnedProcess::name, SpawnedProcess::pid)
        .doesNotContain(org.assertj.core.groups.Tuple.tuple(slot, killed))
        .extracting(t -> t.toArray()[0])
        .containsExactly("workers-1", "workers-2");
  }

  @Test
  void aWorkerThatDiedWhileIdleIsReplacedForTheBorrowerWhoFindsIt() {
    try (PooledProcess kept = workers.borrow()) {
      SpawnedProcess idle =
          workers.workers().stream().filter(w -> w.pid() != kept.pid()).findFirst().orElseThrow();
      long dead = idle.pid();
      idle.kill();

      try (PooledProcess replacement = workers.borrow(WAIT)) { // finds the dead one, waits
        assertThat(replacement.pid()).isNotIn(dead, kept.pid());
        assertThat(replacement.name()).isEqualTo(idle.name());
        assertThat(replacement.isAlive()).isTrue();
      }
      assertThat(TestKit.isGone(dead)).isTrue();
    }
  }

  @Test
  void aWorkerIsRetiredAfterMaxUsesBorrows() {
    long first;
    try (PooledProcess w = rotating.borrow()) {
      first = w.pid();
    }
    try (PooledProcess w = rotating.borrow()) {
      assertThat(w.pid()).isEqualTo(first);
    }
    try (PooledProcess w = rotating.borrow(WAIT)) {
      assertThat(w.pid()).isNotEqualTo(first);
      assertThat(w.name()).isEqualTo("rotating-1");
      assertThat(w.stdout().text()).isEqualTo("READY " + w.pid() + "\n");
    }
    assertThat(TestKit.isGone(first)).isTrue();
  }

  @Test
  void eachWorkerGetsItsOwnPort(
      @ProcessPool(
              size = 2,
              value = {"python3", "-m", "http.server", "--bind", "127.0.0.1", "${port}"},
              readyPort = "${port}")
          WorkerPool servers)
      throws Exception {
    List<SpawnedProcess> all = servers.workers();
    assertThat(all).extracting(SpawnedProcess::port).doesNotHaveDuplicates();
    HttpClient http = HttpClient.newHttpClient();
    try (PooledProcess server = servers.borrow()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                  .timeout(WAIT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(server.command()).endsWith(String.valueOf(server.port()));
    }
  }

  @Test
  void aWorkerIsLentToOneBorrowerAtATimeUnderConcurrentUse() throws Exception {
    Map<Long, String> holders = new ConcurrentHashMap<>();
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        String me = "borrower-" + t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 30; i++) {
                    try (PooledProcess w = workers.borrow(WAIT)) {
                      assertThat(holders.putIfAbsent(w.pid(), me)).as("already lent").isNull();
                      seen.add(w.pid());
                      String token = me + "-" + i;
                      w.writeLine(token); // a round trip keeps it borrowed while others wait
                      assertThat(w.stdout().awaitLine("^" + token + "$", WAIT)).isEqualTo(token);
                      holders.remove(w.pid());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(seen).isNotEmpty().isSubsetOf(pids(workers.workers()));
    try (PooledProcess a = workers.borrow();
        PooledProcess b = workers.borrow()) {
      assertThat(a.isAlive() && b.isAlive()).as("both workers back in the pool").isTrue();
    }
  }

  @Test
  void borrowingAndReturningDoesNoProcessWork() {
    int rounds = 20_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      workers.borrow().close();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(took).as("%d borrow/close rounds", rounds).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void submittingToAWarmPoolSaysWhatKindOfPoolItIs() {
    String kind =
        "'workers' is a warm pool of 2 workers started from [sh, -c, echo READY $$; exec cat]";
    assertThatThrownBy(() -> workers.submit("true"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("submit() is for task pools; " + kind + ": use borrow()");
    assertThatThrownBy(() -> workers.submit(ProcessSpec.of("true")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("submit() is for task pools");
    assertThatThrownBy(() -> workers.execute(ProcessSpec.of("true"), r -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("execute() is for task pools; " + kind);
    assertThatThrownBy(() -> workers.runAll(List.of(ProcessSpec.of("true"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("runAll() is for task pools; " + kind);
  }

  private static List<Long> pids(List<SpawnedProcess> processes) {
    return processes.stream().map(SpawnedProcess::pid).collect(Collectors.toList());
  }
}
