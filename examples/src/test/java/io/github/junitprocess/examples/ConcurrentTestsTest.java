package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests running at the same time, each with a process of the same name: a server from one
 * annotation, named {@code server} after the parameter in both tests. A named port belongs to the
 * test that first uses it, so each test gets a server of its own on a port of its own, and its
 * client, pointed at {@code ${port.server}}, reaches that one and not the other test's.
 */
@Execution(ExecutionMode.CONCURRENT) // the tests of this class run at the same time
class ConcurrentTestsTest {
  static final String PID_SERVER = "src/test/resources/http/pid_server.py";
  static final String FETCH = HttpServerTest.FETCH;

  /** A server that answers every request with its pid. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @SpawnProcess(
      value = {"python3", PID_SERVER, "${port}"},
      readyPort = "${port}")
  @interface PidServer {}

  @Test
  void oneTest(
      @PidServer SpawnedProcess server,
      @SpawnProcess({"python3", FETCH, "http://127.0.0.1:${port.server}/"}) ProcessResult client) {
    assertThat(client).succeeded().hasStdoutEqualTo(server.pid() + "\n");
  }

  @Test
  void anotherTest(
      @PidServer SpawnedProcess server,
      @SpawnProcess({"python3", FETCH, "http://127.0.0.1:${port.server}/"}) ProcessResult client) {
    assertThat(client).succeeded().hasStdoutEqualTo(server.pid() + "\n");
  }
}
