package io.github.junitprocess.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.fixtures.EchoReplMain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlaceholderTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @SpawnProcess(
      value = {"python3", "-m", "http.server", "${port.web}", "--bind", "127.0.0.1"},
      readyPort = "${port.web}")
  static SpawnedProcess server;

  @SpawnProcess(
      value = {
        "python3",
        "-c",
        "import sys, urllib.request; print(urllib.request.urlopen('http://127.0.0.1:' + sys.argv[1] + '/').status)",
        "${port.web}"
      })
  ProcessResult client;

  @Test
  void namedPortsWireAClientToAServer() {
    assertThat(client.stdout().strip()).isEqualTo("200");
    assertThat(client.command()).last().isEqualTo(Integer.toString(server.port("web")));
    assertThat(server.port("web")).isBetween(1, 65535);
  }

  @Test
  void aProcesssOwnPortIsTheNamedPortOfItsName(
      @SpawnProcess(value = {"echo", "${port.api}"}) ProcessResult before,
      @SpawnProcess(
              value = {"python3", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
              name = "api",
              readyPort = "${port}")
          SpawnedProcess api,
      @SpawnProcess(
              value = {
                "python3",
                "-c",
                "import sys, urllib.request; print(urllib.request.urlopen('http://127.0.0.1:' + sys.argv[1] + '/').status)",
                "${port.api}"
              })
          ProcessResult after,
      @SpawnProcess(value = {"echo", "${port}"}) ProcessResult echo) {
    assertThat(api.port()).isEqualTo(api.port("api"));
    assertThat(before.stdout()).isEqualTo(api.port() + "\n");
    assertThat(after.stdout().strip()).as(after.stderr()).isEqualTo("200");
    assertThat(echo.stdout()).isEqualTo(api.port("echo") + "\n").isNotEqualTo(before.stdout());
  }

  @Test
  void ownPortEnvSysAndLiteral(
      @SpawnProcess(
              value = {
                "sh",
                "-c",
                "echo port=$PORT home=${env.HOME} sys=${sys.java.home} lit=$${LIT}"
              },
              env = {"PORT=${port}", "LIT=literal"})
          SpawnedProcess p) {
    p.waitFor(WAIT);

    assertThat(p.stdout().text())
        .isEqualTo(
            "port="
                + p.port()
                + " home="
                + System.getenv("HOME")
                + " sys="
                + System.getProperty("java.home")
                + " lit=literal\n");
  }

  @Test
  void javaAndClasspathStartAChildJvm(
      @SpawnProcess(
              value = {
                "${java}",
                "-cp",
                "${classpath}",
                "io.github.junitprocess.fixtures.EchoReplMain"
              },
              args = "via-placeholders",
              readyLine = "READY")
          SpawnedProcess jvm) {
    assertThat(jvm.stdout().lines().get(0)).startsWith("READY via-placeholders");
    assertThat(EchoReplMain.class).isNotNull();
  }

  @Test
  void processWithoutOwnPortSaysSo(@SpawnProcess({"true"}) ProcessResult r, Processes processes) {
    SpawnedProcess p = processes.start("sleep", "100");
    org.assertj.core.api.Assertions.assertThatThrownBy(p::port)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no ${port}");
    assertThat(r.succeeded()).isTrue();
  }
}
