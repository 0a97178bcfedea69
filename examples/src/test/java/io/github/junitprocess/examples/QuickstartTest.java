package io.github.junitprocess.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

// README: quickstart
class QuickstartTest {

  @SpawnProcess(
      value = {"python3", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
      readyPort = "${port}")
  static SpawnedProcess server; // started before the tests of this class, killed after them

  @SpawnProcess({"sh", "-c", "echo hello; exit 3"})
  ProcessResult hello; // run to completion before each test

  @Test
  void talksToARealServer() throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port())).build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void checksACommand() {
    assertThat(hello.exitCode()).isEqualTo(3);
    assertThat(hello.stdout()).isEqualTo("hello\n");
  }
}
// README: end
