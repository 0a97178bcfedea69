package io.github.junitprocess.examples;

import io.github.junitprocess.SpawnProcess;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A team's own annotation, composed from {@code @SpawnProcess}: Python's HTTP server serving the
 * test JVM's working directory on a free port, ready once the port accepts connections.
 *
 * <p>Put it on a {@code SpawnedProcess} field or parameter like {@code @SpawnProcess} itself.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@SpawnProcess(
    value = {"python3", "-u", "-m", "http.server", "${port}", "--bind", "127.0.0.1"},
    readyPort = "${port}",
    stopTimeout = "2s")
public @interface PythonHttpServer {}
