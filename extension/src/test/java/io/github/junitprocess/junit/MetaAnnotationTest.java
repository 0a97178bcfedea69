package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetaAnnotationTest {

  /** A team's own annotation: a Python HTTP server on a free port, ready when it accepts. */
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @SpawnProcess(
      value = {"python3", "-u", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
      readyPort = "${port}",
      stopTimeout = "2s")
  @interface PythonHttpServer {}

  @PythonHttpServer static SpawnedProcess shared;

  @Test
  void composedAnnotationsWork(@PythonHttpServer SpawnedProcess perTest) {
    assertThat(shared.isAlive()).isTrue();
    assertThat(perTest.port()).isNotEqualTo(shared.port());
    assertThat(perTest.name()).isEqualTo("perTest");
    assertThat(shared.name()).isEqualTo("shared");
    assertThat(perTest.command()).startsWith("python3", "-u", "-m", "http.server");
    assertThat(perTest.stdout().awaitLine("Serving HTTP", Duration.ofSeconds(10))).isNotEmpty();
  }
}
