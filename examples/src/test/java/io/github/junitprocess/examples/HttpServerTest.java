package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Servers: start them once for the class, wait until they are ready, then talk to them from the
 * test and from other processes. A step that prepares a server's files runs first and shares a
 * {@code ${tempDir.NAME}} directory with it.
 */
class HttpServerTest {
  static final String GREETING_SERVER = "src/test/resources/http/greeting_server.py";
  static final String FETCH = "src/test/resources/http/fetch.py";

  // ready by port: the test starts once a TCP connection to ${port} succeeds
  @SpawnProcess(
      value = {"python3", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
      args = {"--directory", "src/test/resources/http/site"},
      readyPort = "${port}")
  static SpawnedProcess files;

  // ready by log line: "listening on" in stdout or stderr; the port is the one named "api"
  @SpawnProcess(
      value = {"python3", GREETING_SERVER, "${port.api}"},
      readyLine = "^listening on ")
  static SpawnedProcess api;

  // two steps on one directory, like initdb then postgres: ${tempDir.site} is one fresh
  // directory for the processes of this scope that name it, deleted after the class
  @SpawnProcess(
      value = {"sh", "-c", "echo '<h1>Made for this run</h1>' > index.html"},
      workingDir = "${tempDir.site}")
  static ProcessResult makeSite; // run to completion first: declaration order

  @SpawnProcess(
      value = {"python3", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
      args = {"--directory", "${tempDir.site}"},
      readyPort = "${port}")
  static SpawnedProcess site;

  @Test
  void servesFilesToAJavaClient() throws Exception {
    HttpResponse<String> response = get("http://127.0.0.1:" + files.port() + "/index.html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<h1>It works</h1>");
  }

  @Test
  void servesWhatTheStepBeforeItMade() throws Exception {
    assertThat(makeSite).succeeded();

    HttpResponse<String> response = get("http://127.0.0.1:" + site.port() + "/index.html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("<h1>Made for this run</h1>\n");
  }

  @Test
  void greetsAJavaClient() throws Exception {
    HttpResponse<String> response = get("http://127.0.0.1:" + api.port("api") + "/hello?name=java");

    assertThat(response.body()).isEqualTo("hello, java\n");
  }

  @Test
  void greetsAClientProcess(
      @SpawnProcess({"python3", FETCH, "http://127.0.0.1:${port.api}/hello?name=fetch"})
          ProcessResult client) {
    assertThat(client).succeeded().hasStdoutEqualTo("hello, fetch\n");
    // the server logs each request; its log may reach us a moment after the client has exited
    assertThat(api).eventually().hasStderrContaining("\"GET /hello?name=fetch HTTP/1.1\" 200");
  }

  @Test
  void answersUnknownPathsWith404(
      @SpawnProcess({"python3", FETCH, "http://127.0.0.1:${port.api}/nope"}) ProcessResult client) {
    assertThat(client).hasExitCode(1).hasStderrContaining("HTTP 404");
    assertThat(api).isAlive();
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
