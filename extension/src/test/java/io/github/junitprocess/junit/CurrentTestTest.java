package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.CurrentTestFixture;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The public hooks for code that works on behalf of a test: {@link ProcessExtension#currentTest()}
 * and what a process and its result tell about where they ran.
 */
class CurrentTestTest {

  @SpawnProcess(value = {"sh", "-c", "echo ${port} ${port.peer} ${tempDir}"})
  ProcessResult told;

  @Test
  void aResultKnowsItsProcessAndWhatItWasGiven() {
    SpawnedProcess process = told.process().orElseThrow();

    assertThat(process.pid()).isEqualTo(told.pid());
    assertThat(process.namedPorts()).containsOnlyKeys("peer");
    assertThat(process.tempDir()).isPresent();
    assertThat(told.stdout())
        .isEqualTo(
            process.port()
                + " "
                + process.namedPorts().get("peer")
                + " "
                + process.tempDir().orElseThrow()
                + "\n");
  }

  @Test
  void aProcessWithoutPlaceholdersWasGivenNothing(
      @SpawnProcess({"sh", "-c", "pwd"}) SpawnedProcess plain) throws Exception {
    assertThat(plain.namedPorts()).isEmpty();
    assertThat(plain.tempDir()).isEmpty();
    assertThat(Files.isDirectory(plain.workingDir())).isTrue();
  }

  @Test
  void noTestRunsOnThisThreadOutsideTheExtension() {
    // this class has the extension; a thread of the test's own has no test
    var seen = CompletableFuture.supplyAsync(ProcessExtension::currentTest).join();
    assertThat(seen).isEmpty();
    assertThat(ProcessExtension.currentTest()).isPresent();
  }

  @Test
  void eachTestAndInvocationIsSeenWhereItRuns() {
    var results = TestKit.run(CurrentTestFixture.class, TestKit.CONCURRENTLY);

    results.testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
    assertThat(CurrentTestFixture.SEEN)
        .containsExactlyInAnyOrder(
            "beforeEach one",
            "one",
            "beforeEach two",
            "two",
            "beforeEach twice #1",
            "twice #1",
            "beforeEach twice #2",
            "twice #2");
    assertThat(CurrentTestFixture.OUTSIDE).containsExactly("beforeAll: none", "afterAll: none");
    // the outer test is given back once the inner engine's tests have ended
    assertThat(ProcessExtension.currentTest().map(ExtensionContext::getRequiredTestMethod))
        .map(Method::getName)
        .contains("eachTestAndInvocationIsSeenWhereItRuns");
  }
}
