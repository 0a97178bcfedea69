package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * The soft versions of the {@link ProcessAssertions} entry points, to mix into any AssertJ soft
 * assertions class: {@code class MySoftly extends AbstractSoftAssertions implements
 * StandardSoftAssertionsProvider, ProcessSoftAssertionsProvider}. {@link ProcessSoftAssertions} is
 * the ready-made one.
 *
 * <p>Failures are collected instead of thrown, including those of the assertions reached by
 * navigation ({@code stdout()}, {@code stdoutLines()}, {@code exitsWithin(...)}, ...). When a
 * navigation itself fails (the process did not exit in time), the failure is collected and the
 * chain goes on with no value, so each of its later assertions adds a failure too.
 *
 * @since 0.1.0
 */
public interface ProcessSoftAssertionsProvider extends SoftAssertionsProvider {

  /**
   * Soft assertions on the result of a process that has exited.
   *
   * @param actual the result
   * @return the assertion object, whose failures are collected
   * @since 0.1.0
   */
  default ProcessResultAssert assertThat(ProcessResult actual) {
    return proxy(ProcessResultAssert.class, ProcessResult.class, actual)
        .navigatingWith(Navigation.soft(this));
  }

  /**
   * Soft assertions on a running (or exited) process.
   *
   * @param actual the process
   * @return the assertion object, whose failures are collected
   * @since 0.1.0
   */
  default SpawnedProcessAssert assertThat(SpawnedProcess actual) {
    return proxy(SpawnedProcessAssert.class, SpawnedProcess.class, actual)
        .navigatingWith(Navigation.soft(this));
  }

  /**
   * Soft assertions on one captured stream of a process.
   *
   * @param actual the stream
   * @return the assertion object, whose failures are collected
   * @since 0.1.0
   */
  default OutputAssert assertThat(Output actual) {
    return proxy(OutputAssert.class, Output.class, actual).navigatingWith(Navigation.soft(this));
  }
}
