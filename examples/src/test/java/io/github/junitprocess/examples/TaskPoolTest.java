package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.WorkerPool;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A task pool: many short commands, run to completion in parallel, never more than {@code size} at
 * once. The jobs here run {@code wordfreq.py} from {@link CliTest} and tools of the machine.
 */
class TaskPoolTest {
  static final String WORDFREQ = CliTest.WORDFREQ;

  @ProcessPool(size = 4) // no command: a task pool, shared by the tests of this class
  static WorkerPool tasks;

  @Test
  void runAllInParallel() {
    List<String> texts = List.of("a a b", "c", "d d d", "e f f", "g");

    List<ProcessResult> results =
        tasks.runAll(
            texts.stream()
                .map(text -> ProcessSpec.of("python3", WORDFREQ, "--top", "1").input(text))
                .toList());

    // in input order, whatever order they finished in
    assertThat(results)
        .extracting(ProcessResult::stdout)
        .containsExactly("2 a\n", "1 c\n", "3 d\n", "2 f\n", "1 g\n");
  }

  @Test
  void submitGivesAFuture() throws Exception {
    CompletableFuture<ProcessResult> sorted =
        tasks.submit(ProcessSpec.of("sort").input("pear\napple\nfig\n"));
    CompletableFuture<ProcessResult> counted = tasks.submit("sh", "-c", "echo one two | wc -w");

    assertThat(sorted.get(30, TimeUnit.SECONDS)).succeeded().hasStdoutEqualTo("apple\nfig\npear\n");
    assertThat(counted.get(30, TimeUnit.SECONDS).stdout().strip()).isEqualTo("2");
  }

  @Test
  void executeCallsBack() throws InterruptedException {
    List<String> files = List.of(CliTest.POEM, "missing.txt");
    Map<String, Integer> exitCodes = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(files.size());

    for (String file : files) {
      tasks.execute(
          ProcessSpec.of("python3", WORDFREQ, file),
          result -> { // on a pool thread, whatever the exit code
            exitCodes.put(file, result.exitCode());
            done.countDown();
          });
    }

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(exitCodes).containsEntry(CliTest.POEM, 0).containsEntry("missing.txt", 1);
  }

  @Test
  void neverMoreThanSizeAtOnce() {
    List<ProcessSpec> naps = Collections.nCopies(8, ProcessSpec.of("sleep", "0.3"));

    long start = System.nanoTime();
    tasks.runAll(naps);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600)); // two rounds of four
  }
}
