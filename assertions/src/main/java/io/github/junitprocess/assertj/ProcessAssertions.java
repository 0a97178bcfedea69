package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;

/**
 * Entry point of the AssertJ assertions for processes:
 *
 * <pre>{@code
 * import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
 *
 * assertThat(result).succeeded().hasStdoutContaining("hello").hasEmptyStderr();
 * assertThat(process).eventually().hasStdoutLineMatching("listening on \\d+");
 * assertThat(process.stdout()).containsLine("ready");
 * }</pre>
 *
 * <p>It can be imported next to {@code org.assertj.core.api.Assertions.assertThat}: the overloads
 * here take the process types only, so Java picks them for processes and AssertJ's for everything
 * else.
 *
 * <p>Settings (system properties): {@code junit.process.assertions.timeout}, how long {@code
 * eventually()} waits (a duration such as {@code 10s}; default 10s), and {@code
 * junit.process.assertions.tail.lines}, how many of the last lines of each stream a failure message
 * shows (default 20).
 *
 * @since 0.1.0
 */
public final class ProcessAssertions {
  private ProcessAssertions() {}

  /**
   * Assertions on the result of a process that has exited.
   *
   * @param actual the result; {@code null} fails the first assertion
   * @return the assertion object
   * @since 0.1.0
   */
  public static ProcessResultAssert assertThat(ProcessResult actual) {
    return new ProcessResultAssert(actual);
  }

  /**
   * Assertions on a running (or exited) process; see {@link SpawnedProcessAssert#eventually()}.
   *
   * @param actual the process; {@code null} fails the first assertion
   * @return the assertion object
   * @since 0.1.0
   */
  public static SpawnedProcessAssert assertThat(SpawnedProcess actual) {
    return new SpawnedProcessAssert(actual);
  }

  /**
   * Assertions on one captured stream of a process.
   *
   * @param actual the stream, e.g. {@code process.stdout()}; {@code null} fails the first assertion
   * @return the assertion object
   * @since 0.1.0
   */
  public static OutputAssert assertThat(Output actual) {
    return new OutputAssert(actual);
  }
}
