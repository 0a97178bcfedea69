package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Share;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * One server for the whole run, shared by this class and {@link SharedServerAgainTest} (which run
 * at the same time here): {@link SharedPidServer} starts it once, every class gets the same
 * process, and {@code ${port.pid-server}} is its port in any class. A build step declared with
 * {@code share = RUN} runs once for the run, however many classes declare it.
 */
class SharedServerTest {
  /** The pids of the server as each class saw it: one, however many classes ran. */
  static final Set<Long> SERVER_PIDS = ConcurrentHashMap.newKeySet();

  @SharedPidServer static SpawnedProcess server;

  @SpawnProcess(
      value = {"python3", "-m", "compileall", "-q", "src/test/resources/http"},
      env = "PYTHONPYCACHEPREFIX=target/pycache", // keeps the source tree clean
      name = "compile-scripts",
      startupTimeout = "2m", // a build step: more time than the 30 s default
      share = Share.RUN)
  static ProcessResult compiled; // run once for the run, before the first class that declares it

  @Test
  void talksToTheSharedServer(
      @SpawnProcess({"python3", HttpServerTest.FETCH, "http://127.0.0.1:${port.pid-server}/"})
          ProcessResult client) {
    assertThat(compiled).succeeded();
    assertThat(client).succeeded().hasStdoutEqualTo(server.pid() + "\n");
    SERVER_PIDS.add(server.pid());
    org.assertj.core.api.Assertions.assertThat(SERVER_PIDS).containsExactly(server.pid());
  }
}
