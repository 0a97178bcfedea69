package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Share;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import org.junit.jupiter.api.Test;

/** Another class on the server of {@link SharedServerTest}: the same process, as a parameter. */
class SharedServerAgainTest {

  @SpawnProcess(
      value = {"python3", "-m", "compileall", "-q", "src/test/resources/http"},
      env = "PYTHONPYCACHEPREFIX=target/pycache", // keeps the source tree clean
      name = "compile-scripts",
      startupTimeout = "2m", // a build step: more time than the 30 s default
      share = Share.RUN)
  static ProcessResult compiled; // the same declaration: the result of the one run

  @Test
  void sameServer(
      @SharedPidServer SpawnedProcess server,
      @SpawnProcess({"python3", HttpServerTest.FETCH, "http://127.0.0.1:${port.pid-server}/"})
          ProcessResult client) {
    assertThat(client).succeeded().hasStdoutEqualTo(server.pid() + "\n");
    SharedServerTest.SERVER_PIDS.add(server.pid());
    org.assertj.core.api.Assertions.assertThat(SharedServerTest.SERVER_PIDS)
        .containsExactly(server.pid());
  }

  @Test
  void aSharedServerIsNotStoppedByATest(@SharedPidServer SpawnedProcess server) {
    assertThatThrownBy(server::stop)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shared by the test run");
    assertThat(server).isAlive();
  }
}
