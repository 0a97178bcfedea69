package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a live {@link SpawnedProcess}.
 *
 * <p>Obtain one with {@link ProcessAssertions#assertThat(SpawnedProcess)}. Assertions check the
 * process as it is now, unless {@link #eventually()} or {@link #within(Duration)} came first: then
 * the output assertions ({@code hasStdoutContaining}, {@code hasStdoutLineMatching} and their
 * stderr twins), {@link #isNotAlive()} and {@link #hasNoDescendants()} wait until they hold or the
 * timeout passes, and an output assertion fails at once if the process exits without the output
 * having appeared. Waiting for a line is event-driven; waiting for text that may not end a line, or
 * for descendants to go, polls through Awaitility.
 *
 * <p>Every failure message names the process and its command, says whether it is still running or
 * how it ended, and shows the last lines of its stdout and stderr.
 *
 * @since 0.1.0
 */
public class SpawnedProcessAssert extends AbstractAssert<SpawnedProcessAssert, SpawnedProcess> {
  private Navigation navigation = Navigation.HARD;

  /** {@code null}: check now; otherwise how long the waiting assertions wait. */
  private Duration wait;

  /**
   * Creates an assertion on {@code actual}; prefer {@link
   * ProcessAssertions#assertThat(SpawnedProcess)}.
   *
   * @param actual the process to check; {@code null} fails the first assertion
   * @since 0.1.0
   */
  public SpawnedProcessAssert(SpawnedProcess actual) {
    super(actual, SpawnedProcessAssert.class);
  }

  SpawnedProcessAssert navigatingWith(Navigation navigation) {
    this.navigation = navigation;
    return myself;
  }

  // ---- waiting mode ----

  /**
   * Makes the following assertions in this chain wait, up to the timeout set by the system property
   * {@code junit.process.assertions.timeout} (a duration such as {@code 10s}; default 10s).
   *
   * @return this assertion object
   * @throws IllegalArgumentException when that property is not a positive duration
   * @since 0.1.0
   */
  public SpawnedProcessAssert eventually() {
    wait = AssertionSettings.timeout();
    return myself;
  }

  /**
   * Makes the following assertions in this chain wait up to {@code timeout}.
   *
   * @param timeout how long each waiting assertion waits
   * @return this assertion object
   * @throws IllegalArgumentException when {@code timeout} is not positive
   * @throws NullPointerException when {@code timeout} is null
   * @since 0.1.0
   */
  public SpawnedProcessAssert within(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    wait = timeout;
    return myself;
  }

  // ---- life ----

  /**
   * Verifies that the process has not exited. Never waits.
   *
   * @return this assertion object
   * @throws AssertionError when the process has exited
   * @since 0.1.0
   */
  public SpawnedProcessAssert isAlive() {
    isNotNull();
    Optional<ProcessResult> result = actual.result();
    if (result.isPresent()) {
      throw expectationFailed("to be alive, but it " + ProcessDescription.outcome(result.get()));
    }
    return myself;
  }

  /**
   * Verifies that the process has exited; in waiting mode, waits for it to exit.
   *
   * @return this assertion object
   * @throws AssertionError when the process is still running (in waiting mode: after the timeout)
   * @since 0.1.0
   */
  public SpawnedProcessAssert isNotAlive() {
    isNotNull();
    boolean exited =
        wait == null ? actual.result().isPresent() : Waiting.exit(actual, wait).isPresent();
    if (!exited) {
      throw expectationFailed(
          "to have exited"
              + withinText()
              + ", but it is "
              + ProcessDescription.stillRunning(actual));
    }
    return myself;
  }

  /**
   * Same as {@link #isNotAlive()}.
   *
   * @return this assertion object
   * @throws AssertionError when the process is still running (in waiting mode: after the timeout)
   * @since 0.1.0
   */
  public SpawnedProcessAssert hasExited() {
    return isNotAlive();
  }

  /**
   * Verifies that the process has no live descendants (children, grandchildren, ...); in waiting
   * mode, waits for them to go. On Linux, processes that have exited but not been reaped yet do not
   * count.
   *
   * @return this assertion object
   * @throws AssertionError when a descendant is alive (in waiting mode: after the timeout)
   * @since 0.1.0
   */
  public SpawnedProcessAssert hasNoDescendants() {
    isNotNull();
    if (wait != null) {
      Waiting.until(() -> actual.descendants().isEmpty(), null, wait);
    }
    List<ProcessHandle> descendants = actual.descendants();
    if (!descendants.isEmpty()) {
      ProcessDescription d = ProcessDescription.of(actual);
      throw failure(
          "%s",
          d.failure(
              "Expecting "
                  + d.subject()
                  + " to have no descendants"
                  + withinText()
                  + ", but it has "
                  + descendants.size()
                  + ":"
                  + ProcessDescription.processList(descendants)));
    }
    return myself;
  }

  /**
   * Verifies that the process does not exit during the next {@code duration}. Returns as soon as
   * the duration has passed, and fails as soon as the process exits.
   *
   * @param duration how long the process must keep running
   * @return this assertion object
   * @throws AssertionError as soon as the process exits within it
   * @throws NullPointerException when {@code duration} is null
   * @since 0.1.0
   */
  public SpawnedProcessAssert staysAliveFor(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    isNotNull();
    long start = System.nanoTime();
    Optional<ProcessResult> result = Waiting.exit(actual, duration);
    if (result.isPresent()) {
      throw expectationFailed(
          "to stay alive for "
              + ProcessFormat.duration(duration)
              + ", but after "
              + ProcessFormat.duration(Duration.ofNanos(System.nanoTime() - start))
              + " it "
              + ProcessDescription.outcome(result.get()));
    }
    return myself;
  }

  /**
   * Verifies that the process exits within {@code timeout} and navigates to assertions on its
   * result, e.g. {@code exitsWithin(Duration.ofSeconds(5)).succeeded()}.
   *
   * @param timeout how long to wait for the exit
   * @return assertions on the result, whose failures describe the process
   * @throws AssertionError when the process is still running after {@code timeout}
   * @throws NullPointerException when {@code timeout} is null
   * @since 0.1.0
   */
  public ProcessResultAssert exitsWithin(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    ProcessResult result = null;
    try {
      isNotNull();
      result =
          Waiting.exit(actual, timeout)
              .orElseThrow(
                  () ->
                      expectationFailed(
                          "to exit within "
                              + ProcessFormat.duration(timeout)
                              + ", but it is "
                              + ProcessDescription.stillRunning(actual)));
    } catch (AssertionError e) {
      navigation.failed(e);
    }
    return navigation.result(result, info.description());
  }

  // ---- output ----

  /**
   * Verifies that stdout contains {@code text}; in waiting mode, waits for it.
   *
   * @param text the expected text
   * @return this assertion object
   * @throws AssertionError when stdout does not contain it (in waiting mode: not within the
   *     timeout, or the process exited first)
   * @since 0.1.0
   */
  public SpawnedProcessAssert hasStdoutContaining(String text) {
    return contains(Stream.STDOUT, text);
  }

  /**
   * Verifies that stderr contains {@code text}; in waiting mode, waits for it.
   *
   * @param text the expected text
   * @return this assertion object
   * @throws AssertionError when stderr does not contain it (in waiting mode: not within the
   *     timeout, or the process exited first)
   * @since 0.1.0
   */
  public SpawnedProcessAssert hasStderrContaining(String text) {
    return contains(Stream.STDERR, text);
  }

  /**
   * Verifies that a line of stdout contains a match of {@code regex} ({@code find} semantics); in
   * waiting mode, waits for such a line.
   *
   * @param regex a {@link java.util.regex.Pattern}
   * @return this assertion object
   * @throws AssertionError when no line of stdout matches (in waiting mode: not within the timeout,
   *     or the process exited first)
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @since 0.1.0
   */
  public SpawnedProcessAssert hasStdoutLineMatching(String regex) {
    return lineMatching(Stream.STDOUT, regex);
  }

  /**
   * Verifies that a line of stderr contains a match of {@code regex} ({@code find} semantics); in
   * waiting mode, waits for such a line.
   *
   * @param regex a {@link java.util.regex.Pattern}
   * @return this assertion object
   * @throws AssertionError when no line of stderr matches (in waiting mode: not within the timeout,
   *     or the process exited first)
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @since 0.1.0
   */
  public SpawnedProcessAssert hasStderrLineMatching(String regex) {
    return lineMatching(Stream.STDERR, regex);
  }

  /**
   * Navigates to assertions on the process's stdout, in the same waiting mode as this chain.
   *
   * @return assertions on stdout whose failures describe the process
   * @since 0.1.0
   */
  public OutputAssert stdout() {
    return output(Stream.STDOUT);
  }

  /**
   * Navigates to assertions on the process's stderr, in the same waiting mode as this chain.
   *
   * @return assertions on stderr whose failures describe the process
   * @since 0.1.0
   */
  public OutputAssert stderr() {
    return output(Stream.STDERR);
  }

  // ---- shared by both streams ----

  private enum Stream {
    STDOUT("stdout", SpawnedProcess::stdout),
    STDERR("stderr", SpawnedProcess::stderr);

    final String label;
    final Function<SpawnedProcess, Output> output;

    Stream(String label, Function<SpawnedProcess, Output> output) {
      this.label = label;
      this.output = output;
    }
  }

  private SpawnedProcessAssert contains(Stream stream, String text) {
    Objects.requireNonNull(text, "text");
    isNotNull();
    Output output = stream.output.apply(actual);
    if (wait == null) {
      if (!output.text().contains(text)) {
        throw expectationFailedOn(
            stream, "to contain " + ProcessDescription.quote(text) + ", but it does not");
      }
      return myself;
    }
    Waiting.Outcome outcome = Waiting.until(() -> output.text().contains(text), actual, wait);
    if (outcome != Waiting.Outcome.MET) {
      throw expectationFailedOn(
          stream, "to contain " + ProcessDescription.quote(text) + waitedText(outcome));
    }
    return myself;
  }

  private SpawnedProcessAssert lineMatching(Stream stream, String regex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    Predicate<String> matches = line -> pattern.matcher(line).find();
    isNotNull();
    Output output = stream.output.apply(actual);
    String expectation = "to have a line matching /" + regex + "/";
    if (wait == null) {
      if (output.lines().stream().noneMatch(matches)) {
        throw expectationFailedOn(stream, expectation + ", but none does");
      }
      return myself;
    }
    Waiting.Outcome outcome = Waiting.untilLine(output, matches, wait);
    if (outcome != Waiting.Outcome.MET) {
      throw expectationFailedOn(stream, expectation + waitedText(outcome));
    }
    return myself;
  }

  private OutputAssert output(Stream stream) {
    Output output = null;
    try {
      isNotNull();
      output = stream.output.apply(actual);
    } catch (AssertionError e) {
      navigation.failed(e);
    }
    OutputAssert next = navigation.output(output, info.description());
    if (actual != null) {
      next.ofProcess(actual, stream.label);
    }
    return wait == null ? next : next.within(wait);
  }

  private String withinText() {
    return wait == null ? "" : " within " + ProcessFormat.duration(wait);
  }

  /** {@code " within 2s, but ..."} for a wait that did not succeed. */
  private String waitedText(Waiting.Outcome outcome) {
    return withinText()
        + (outcome == Waiting.Outcome.EXITED
            ? ", but the process exited without writing it"
            : ", but it did not");
  }

  private AssertionError expectationFailed(String expectation) {
    ProcessDescription d = ProcessDescription.of(actual);
    return failure("%s", d.failure("Expecting " + d.subject() + " " + expectation + "."));
  }

  private AssertionError expectationFailedOn(Stream stream, String expectation) {
    ProcessDescription d = ProcessDescription.of(actual);
    return failure(
        "%s",
        d.failure("Expecting " + stream.label + " of " + d.subject() + " " + expectation + "."));
  }
}
