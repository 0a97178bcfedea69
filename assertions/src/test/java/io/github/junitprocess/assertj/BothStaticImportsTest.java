package io.github.junitprocess.assertj;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.Output;
import io.github.junitprocess.PooledProcess;
import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users import {@code assertThat} from AssertJ and from {@link ProcessAssertions} in the same file;
 * this file doing so and compiling is half the test.
 */
@ExtendWith(ProcessExtension.class)
class BothStaticImportsTest {

  @Test
  void assertJTypesResolveToAssertJ() {
    AbstractStringAssert<?> string = assertThat("text");
    string.startsWith("te");
    assertThat(List.of(1, 2)).containsExactly(1, 2);
    assertThat(Map.of("k", "v")).containsEntry("k", "v");
    assertThat(Optional.of(3)).contains(3);
    assertThat(42).isPositive();
    assertThat(Duration.ofSeconds(1)).isPositive();
    assertThatThrownBy(() -> assertThat("a").isEqualTo("b"))
        .hasMessageContaining("expected: \"b\"");
  }

  @Test
  void processTypesResolveToProcessAssertions(Processes processes) {
    ProcessResult result = processes.run("sh", "-c", "echo hi; exit 3");
    SpawnedProcess process = processes.start("sh", "-c", "echo up; exec sleep 100");
    Output stdout = process.stdout();

    ProcessResultAssert onResult = assertThat(result);
    SpawnedProcessAssert onProcess = assertThat(process);
    OutputAssert onOutput = assertThat(stdout);

    onResult.hasExitCode(3).stdout().isEqualTo("hi\n");
    onProcess.isAlive().eventually().hasStdoutLineMatching("up");
    onOutput.containsLine("up");
    assertThatThrownBy(() -> assertThat(result).succeeded())
        .hasMessageContaining("command: sh -c 'echo hi; exit 3'");
  }

  @Test
  void aProcessSeenAsAnObjectGetsAssertJsObjectAssertions(Processes processes) {
    Object result = processes.run("true");

    ObjectAssert<Object> onObject = assertThat(result);
    onObject.isInstanceOf(ProcessResult.class);
  }

  /** Compiles only if a pooled worker (also AutoCloseable) resolves to the process assertions. */
  @SuppressWarnings("unused")
  private static SpawnedProcessAssert pooledWorkerResolves(PooledProcess worker) {
    return assertThat(worker);
  }
}
