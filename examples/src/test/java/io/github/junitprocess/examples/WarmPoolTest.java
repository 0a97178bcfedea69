package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.WorkerPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A warm pool: long-running workers, started in parallel and each awaited ready before the test,
 * lent to one borrower at a time. A worker that dies is replaced by a fresh one.
 *
 * <p>A worker keeps its output between borrows, so each request carries an id and the test awaits
 * the answer with that id.
 */
class WarmPoolTest {
  static final String WORKER = "src/test/resources/pool/shouting_worker.py";
  static final Duration ANSWER = Duration.ofSeconds(30); // a deadline: returns at the answer

  @ProcessPool(
      size = 2,
      value = {"python3", WORKER},
      readyLine = "^ready$")
  WorkerPool workers;

  @Test
  void borrowAWorker() {
    try (PooledProcess worker = workers.borrow()) {
      worker.writeLine("1 hello");
      assertThat(worker.stdout().awaitLine("^1 ", ANSWER)).isEqualTo("1 HELLO");
    } // back to the pool, still running
  }

  @Test
  void oneBorrowerAtATime() {
    try (PooledProcess first = workers.borrow();
        PooledProcess second = workers.borrow()) {
      assertThat(first.pid()).isNotEqualTo(second.pid());

      // both are lent out: a third borrower waits, here for 200ms at most
      assertThatThrownBy(() -> workers.borrow(Duration.ofMillis(200)))
          .isInstanceOf(ProcessTimeoutException.class);
    }
  }

  @Test
  void aCrashedWorkerIsReplaced() {
    long crashed;
    try (PooledProcess worker = workers.borrow()) {
      crashed = worker.pid();
      worker.writeLine("2 crash");
      assertThat(worker).exitsWithin(ANSWER).hasExitCode(1);
    } // returned dead: the pool starts a fresh worker in the background

    // borrowing both waits for the replacement to be ready
    try (PooledProcess one = workers.borrow();
        PooledProcess other = workers.borrow()) {
      assertThat(List.of(one.pid(), other.pid())).doesNotContain(crashed);
      other.writeLine("3 still serving");
      assertThat(other.stdout().awaitLine("^3 ", ANSWER)).isEqualTo("3 STILL SERVING");
    }
  }
}
