package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.SpawnedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Using {@link PythonHttpServer}, an annotation of our own built on {@code @SpawnProcess}. */
class CustomAnnotationTest {

  @PythonHttpServer static SpawnedProcess shared; // one server for the class

  @Test
  void servesTheWorkingDirectory() throws Exception {
    HttpResponse<String> response = get(shared, "/pom.xml"); // the module directory, under Maven

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<artifactId>junit-process-examples</artifactId>");
  }

  @Test
  void worksOnParametersToo(@PythonHttpServer SpawnedProcess own) throws Exception {
    assertThat(own.port()).isNotEqualTo(shared.port());

    assertThat(get(own, "/no-such-file").statusCode()).isEqualTo(404);
    assertThat(own).eventually().hasStderrContaining("\"GET /no-such-file HTTP/1.1\" 404");
  }

  private static HttpResponse<String> get(SpawnedProcess server, String path)
      throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
