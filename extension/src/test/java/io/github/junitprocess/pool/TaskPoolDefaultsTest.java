package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.WorkerPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's members are defaults for its tasks; what a spec sets wins. */
class TaskPoolDefaultsTest {
  private static final long WAIT_SECONDS = 20;

  @ProcessPool(
      size = 1,
      env = {"GREETING=from-pool", "COLOUR=blue", "PORT=${port}"},
      workingDir = "${tempDir}")
  WorkerPool pool;

  @ProcessPool(size = 1, startupTimeout = "400ms")
  WorkerPool impatient;

  @ProcessPool(size = 1, inheritEnv = false, env = "ONLY=this")
  WorkerPool isolated;

  @TempDir Path elsewhere;

  @Test
  void tasksGetThePoolsEnvironmentMergedUnderTheirOwn() throws Exception {
    ProcessResult r =
        pool.submit(
                ProcessSpec.of("sh", "-c", "echo \"$GREETING $COLOUR ${PORT:-none}\"")
                    .env("GREETING", "from-spec")
                    .removeEnv("COLOUR"))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(r.stdout()).matches("from-spec  \\d+\n");
  }

  @Test
  void tasksRunInThePoolsWorkingDirectoryUnlessTheirSpecSaysOtherwise() throws Exception {
    ProcessResult inPoolDir = pool.submit("pwd").get(WAIT_SECONDS, TimeUnit.SECONDS);
    ProcessResult again = pool.submit("pwd").get(WAIT_SECONDS, TimeUnit.SECONDS);
    ProcessResult own =
        pool.submit(ProcessSpec.of("pwd").workingDir(elsewhere))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);

    Path poolDir = Path.of(inPoolDir.stdout().strip());
    assertThat(poolDir.getFileName().toString()).startsWith("junit-process-");
    assertThat(Files.isDirectory(poolDir)).isTrue();
    assertThat(again.stdout())
        .as("placeholders are expanded once per pool")
        .isEqualTo(inPoolDir.stdout());
    assertThat(Path.of(own.stdout().strip()).toRealPath()).isEqualTo(elsewhere.toRealPath());
  }

  @Test
  void theStartupTimeoutOfThePoolBoundsTasksThatSetNone() throws Exception {
    assertThatThrownBy(() -> impatient.submit("sleep", "30").get(WAIT_SECONDS, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 400ms");

    ProcessResult longer =
        impatient
            .submit(
                ProcessSpec.of("sh", "-c", "read x < /dev/null; echo done")
                    .startupTimeout(Duration.ofSeconds(10)))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(longer.stdout()).isEqualTo("done\n");
  }

  @Test
  void withoutInheritEnvTasksSeeOnlyThePoolsAndTheirOwnVariables() throws Exception {
    ProcessResult r =
        isolated
            .submit(ProcessSpec.of("/usr/bin/env").env("MINE", "too"))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(r.stdoutLines())
        .filteredOn(line -> !line.startsWith("JUNIT_PROCESS_ID="))
        .containsExactlyInAnyOrder("ONLY=this", "MINE=too");
  }
}
