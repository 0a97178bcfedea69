package io.github.junitprocess.assertj;

/**
 * AssertJ's {@link org.assertj.core.api.SoftAssertions} plus the process assertions: every failure
 * is collected, and {@link #assertAll()} reports them together.
 *
 * <pre>{@code
 * var softly = new ProcessSoftAssertions();
 * softly.assertThat(result).succeeded().hasStdoutContaining("done");
 * softly.assertThat(process).isAlive();
 * softly.assertThat("any value").isNotEmpty();   // AssertJ's own assertions work as well
 * softly.assertAll();
 * }</pre>
 *
 * <p>Works with AssertJ's {@code SoftAssertionsExtension}: an {@code @InjectSoftAssertions
 * ProcessSoftAssertions softly} field or a {@code ProcessSoftAssertions softly} parameter is
 * checked after each test. {@link #errorsCollected()} lists the failures so far.
 *
 * @since 0.1.0
 */
public class ProcessSoftAssertions extends org.assertj.core.api.SoftAssertions
    implements ProcessSoftAssertionsProvider {

  /**
   * Soft assertions with no failure collected yet.
   *
   * @since 0.1.0
   */
  public ProcessSoftAssertions() {}
}
