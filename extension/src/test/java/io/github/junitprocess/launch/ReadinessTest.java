package io.github.junitprocess.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.ReadinessCheck;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.ReadinessFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @SpawnProcess(
      value = {"sh", "-c", "echo starting; sleep 0.2; echo 'server READY on 1234'; exec sleep 100"},
      readyLine = "READY on \\d+")
  SpawnedProcess onStdout;

  @Test
  void readyLineOnStdout() {
    assertThat(onStdout.stdout().lines()).containsExactly("starting", "server READY on 1234");
  }

  @Test
  void readyLineOnStderr(
      @SpawnProcess(
              value = {"sh", "-c", "sleep 0.1; echo 'ready' >&2; exec sleep 100"},
              readyLine = "^ready$")
          SpawnedProcess p) {
    assertThat(p.stderr().text()).isEqualTo("ready\n");
  }

  @Test
  void readyPortWithARealHttpServer(
      @SpawnProcess(
              value = {"python3", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
              readyPort = "${port}")
          SpawnedProcess http)
      throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(http.command()).contains(Integer.toString(http.port()));
  }

  @Test
  void readyCheckIsPolledUntilTrue(
      @SpawnProcess(
              value = {
                "sh",
                "-c",
                "for i in 1 2 3; do echo tick $i; sleep 0.05; done; exec sleep 100"
              },
              readyCheck = ThreeTicks.class)
          SpawnedProcess p) {
    assertThat(p.stdout().lines()).contains("tick 3");
  }

  /** Ready once three ticks were printed. */
  static class ThreeTicks implements ReadinessCheck {
    @Override
    public boolean isReady(SpawnedProcess process) {
      return process.stdout().lines().size() >= 3;
    }
  }

  @Test
  void aCheckThatBlocksIsCutOffAtTheStartupTimeout(Processes processes) {
    CountDownLatch never = new CountDownLatch(1);
    long[] pid = new long[1];
    ProcessSpec spec =
        ProcessSpec.of("sleep", "100")
            .startupTimeout(Duration.ofMillis(500))
            .readyCheck(
                proc -> {
                  pid[0] = proc.pid();
                  never.await(); // a request without a timeout, say
                  return true;
                });

    long t0 = System.nanoTime();
    assertThatThrownBy(() -> processes.start(spec))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 500ms")
        .hasMessageContaining("the check had not returned by the deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(TestKit.isGone(pid[0])).isTrue();
  }

  @Test
  void allConditionsMustHold(Processes processes) {
    int port = processes.freePort();
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "python3",
                    "-u",
                    "-m",
                    "http.server",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1")
                .readyLine("Serving HTTP")
                .readyPort(port)
                .readyCheck(proc -> proc.isAlive()));

    assertThat(p.stdout().text() + p.stderr().text()).contains("Serving HTTP");
  }

  @Test
  void exitBeforeReadyFailsAtOnceWithTheOutput() {
    long t0 = System.nanoTime();
    Throwable failure =
        TestKit.singleFailure(TestKit.run(ReadinessFixtures.ExitsBeforeReady.class));

    assertThat(failure)
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("Process 'server' exited while starting up, before it was ready")
        .hasMessageContaining("a line matching /listening/ on stdout or stderr")
        .hasMessageContaining("status: exited with exit code 3")
        .hasMessageContaining("| loading config")
        .hasMessageContaining("| fatal: no config");
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("not the 2m timeout")
        .isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void neverReadyTimesOutAndIsKilled() {
    Throwable failure = TestKit.singleFailure(TestKit.run(ReadinessFixtures.NeverReady.class));

    assertThat(failure)
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("Timed out after 300ms waiting for process 'server' to be ready")
        .hasMessageContaining("a line matching /listening/ on stdout or stderr")
        .hasMessageContaining("| still warming up");
    assertThat(TestKit.isGone(pidIn(failure.getMessage()))).isTrue();
  }

  @Test
  void portNeverOpening() {
    Throwable failure = TestKit.singleFailure(TestKit.run(ReadinessFixtures.PortNeverOpens.class));

    assertThat(failure)
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("a TCP connection to 127.0.0.1:")
        .hasMessageContaining("refused connections");
    assertThat(TestKit.isGone(pidIn(failure.getMessage()))).isTrue();
  }

  @Test
  void aFailingCheckShowsItsLastError() {
    Throwable failure =
        TestKit.singleFailure(TestKit.run(ReadinessFixtures.CheckKeepsFailing.class));

    assertThat(failure)
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining(
            "readiness check " + ReadinessFixtures.CheckKeepsFailing.Failing.class.getName())
        .hasMessageContaining(
            "last check failure: java.lang.IllegalStateException: health endpoint says 503");
  }

  @Test
  void specReadinessFailureThrowsFromStart(Processes processes) {
    assertThatThrownBy(
            () ->
                processes.start(
                    ProcessSpec.of("sh", "-c", "exit 9")
                        .readyLine("never")
                        .startupTimeout(Duration.ofMinutes(1))))
        .isInstanceOf(ProcessExitedException.class)
        .hasMessageContaining("exit code 9")
        .satisfies(
            e ->
                assertThat(((ProcessExitedException) e).result())
                    .hasValueSatisfying(r -> assertThat(r.exitCode()).isEqualTo(9)));
  }

  private static long pidIn(String message) {
    Matcher m = Pattern.compile("\\(pid (\\d+)\\)").matcher(message);
    assertThat(m.find()).as("pid in message").isTrue();
    return Long.parseLong(m.group(1));
  }
}
