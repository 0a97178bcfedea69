package io.github.junitprocess.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code port()} of a process started from a {@link ProcessSpec}: a spec's strings are literal, so
 * its port is the one it gives to {@code readyPort}; without one, the error says how to get one.
 */
@ExtendWith(ProcessExtension.class)
class SpecPortTest {

  @Test
  void theReadyPortOfASpecIsItsPort(Processes processes) {
    int port = processes.freePort();

    SpawnedProcess server =
        processes.start(
            ProcessSpec.of(
                    "python3", "-m", "http.server", Integer.toString(port), "--bind", "127.0.0.1")
                .readyPort(port)
                .startupTimeout(Duration.ofSeconds(30)));

    assertThat(server.port()).isEqualTo(port);
  }

  @Test
  void aSpecWithoutReadyPortSaysWhatASpecCanDo(Processes processes) {
    SpawnedProcess idle = processes.start(ProcessSpec.of("sleep", "100").name("idle"));

    assertThatThrownBy(idle::port)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "process 'idle' has no ${port}: it was started from a ProcessSpec without readyPort."
                + " Take a port from processes.freePort(), pass it in the spec's command or env,"
                + " and give it to readyPort(port); port() then returns it");
  }

  @Test
  void anAnnotatedProcessWithoutPortSaysWhereToUseIt(
      @SpawnProcess({"sleep", "100"}) SpawnedProcess idle) {
    assertThatThrownBy(idle::port)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("process 'idle' has no ${port}: use ${port} in its command, env or readyPort");
  }
}
