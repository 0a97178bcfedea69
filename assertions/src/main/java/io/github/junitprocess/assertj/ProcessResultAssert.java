package io.github.junitprocess.assertj;

import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a {@link ProcessResult}: exit status, captured output and duration.
 *
 * <p>Obtain one with {@link ProcessAssertions#assertThat(ProcessResult)}. Every failure message
 * names the process and its command, says how it ended (exit code, or signal, and whether the
 * extension stopped it) and shows the last lines of its stdout and stderr ({@code
 * junit.process.assertions.tail.lines}, default 20). Regular expressions use {@link
 * java.util.regex.Matcher#find() find} semantics: a match anywhere in the text, like {@code grep}.
 *
 * @since 0.1.0
 */
public class ProcessResultAssert
    extends AbstractSnapshotAssert<ProcessResultAssert, ProcessResult> {
  private Navigation navigation = Navigation.HARD;

  /**
   * Creates an assertion on {@code actual}; prefer {@link
   * ProcessAssertions#assertThat(ProcessResult)}.
   *
   * @param actual the result to check; {@code null} fails the first assertion
   * @since 0.1.0
   */
  public ProcessResultAssert(ProcessResult actual) {
    super(actual, ProcessResultAssert.class);
  }

  ProcessResultAssert navigatingWith(Navigation navigation) {
    this.navigation = navigation;
    return myself;
  }

  // ---- exit status ----

  /**
   * Verifies that the process exited with code 0.
   *
   * @return this assertion object
   * @throws AssertionError when the exit code is not 0
   * @since 0.1.0
   */
  public ProcessResultAssert succeeded() {
    isNotNull();
    if (actual.exitCode() != 0) {
      throw expectationFailed(
          "to succeed (exit code 0), but it " + ProcessDescription.outcome(actual));
    }
    return myself;
  }

  /**
   * Verifies that the process exited with a code other than 0 (which includes a signal).
   *
   * @return this assertion object
   * @throws AssertionError when the exit code is 0
   * @since 0.1.0
   */
  public ProcessResultAssert failed() {
    isNotNull();
    if (actual.exitCode() == 0) {
      throw expectationFailed("to fail (exit code other than 0), but it exited with exit code 0");
    }
    return myself;
  }

  /**
   * Verifies the exit code; a process ended by signal N has exit code 128 + N.
   *
   * @param expected the exit code
   * @return this assertion object
   * @throws AssertionError when the process exited with another code
   * @since 0.1.0
   */
  public ProcessResultAssert hasExitCode(int expected) {
    isNotNull();
    if (actual.exitCode() != expected) {
      throw expectationFailed(
          "to have exit code " + expected + ", but it " + ProcessDescription.outcome(actual));
    }
    return myself;
  }

  /**
   * Verifies that the process was ended by {@code signal}, read from an exit code of {@code 128 +
   * N} as the JDK and the shell report it.
   *
   * @param signal the signal
   * @return this assertion object
   * @throws AssertionError when the exit code is not {@code 128 + signal.number()}
   * @throws NullPointerException when {@code signal} is null
   * @since 0.1.0
   */
  public ProcessResultAssert wasKilledBy(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    isNotNull();
    if (!actual.signal().equals(Optional.of(signal))) {
      throw expectationFailed(
          "to be killed by signal "
              + signal
              + " (exit code "
              + (128 + signal.number())
              + "), but it "
              + ProcessDescription.outcome(actual));
    }
    return myself;
  }

  /**
   * Verifies that the process was ended by {@code stop()}, {@code kill()} or the extension's
   * teardown, rather than exiting on its own.
   *
   * @return this assertion object
   * @throws AssertionError when the process ended on its own
   * @since 0.1.0
   */
  public ProcessResultAssert wasStoppedByExtension() {
    isNotNull();
    if (!actual.stoppedByExtension()) {
      throw expectationFailed(
          "to have been stopped by the extension, but it ended on its own: it "
              + ProcessDescription.outcome(actual));
    }
    return myself;
  }

  /**
   * Verifies that the process ran no longer than {@code limit} from spawn to exit.
   *
   * @param limit the longest allowed run time
   * @return this assertion object
   * @throws AssertionError when the process ran longer
   * @throws NullPointerException when {@code limit} is null
   * @since 0.1.0
   */
  public ProcessResultAssert finishedWithin(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    isNotNull();
    if (actual.duration().compareTo(limit) > 0) {
      throw expectationFailed(
          "to finish within "
              + ProcessFormat.duration(limit)
              + ", but it took "
              + ProcessFormat.duration(actual.duration()));
    }
    return myself;
  }

  // ---- stdout ----

  /**
   * Verifies that stdout contains {@code text}.
   *
   * @param text the expected text
   * @return this assertion object
   * @throws AssertionError when stdout does not contain it
   * @since 0.1.0
   */
  public ProcessResultAssert hasStdoutContaining(String text) {
    return contains(Stream.STDOUT, text);
  }

  /**
   * Verifies that {@code regex} is found in stdout (anywhere; {@code find} semantics).
   *
   * @param regex a {@link java.util.regex.Pattern}
   * @return this assertion object
   * @throws AssertionError when no match of it is in stdout
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @since 0.1.0
   */
  public ProcessResultAssert hasStdoutMatching(String regex) {
    return matches(Stream.STDOUT, regex);
  }

  /**
   * Verifies that stdout is exactly {@code expected}, line endings included.
   *
   * @param expected the whole expected stdout
   * @return this assertion object
   * @throws AssertionError when stdout differs
   * @since 0.1.0
   */
  public ProcessResultAssert hasStdoutEqualTo(String expected) {
    return equalTo(Stream.STDOUT, expected);
  }

  /**
   * Verifies that the process wrote nothing to stdout.
   *
   * @return this assertion object
   * @throws AssertionError when stdout is not empty
   * @since 0.1.0
   */
  public ProcessResultAssert hasEmptyStdout() {
    return empty(Stream.STDOUT);
  }

  /**
   * Navigates to AssertJ's string assertions on the whole stdout.
   *
   * @return a string assertion on stdout whose failures describe the process
   * @since 0.1.0
   */
  public AbstractStringAssert<?> stdout() {
    return navigation.text(text(Stream.STDOUT), navigationDescription(Stream.STDOUT));
  }

  /**
   * Navigates to AssertJ's list assertions on the lines of stdout.
   *
   * @return a list assertion on the lines of stdout (without line ends) whose failures describe the
   *     process
   * @since 0.1.0
   */
  public ListAssert<String> stdoutLines() {
    return navigation.lines(lines(Stream.STDOUT), navigationDescription(Stream.STDOUT));
  }

  // ---- stderr ----

  /**
   * Verifies that stderr contains {@code text}.
   *
   * @param text the expected text
   * @return this assertion object
   * @throws AssertionError when stderr does not contain it
   * @since 0.1.0
   */
  public ProcessResultAssert hasStderrContaining(String text) {
    return contains(Stream.STDERR, text);
  }

  /**
   * Verifies that {@code regex} is found in stderr (anywhere; {@code find} semantics).
   *
   * @param regex a {@link java.util.regex.Pattern}
   * @return this assertion object
   * @throws AssertionError when no match of it is in stderr
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @since 0.1.0
   */
  public ProcessResultAssert hasStderrMatching(String regex) {
    return matches(Stream.STDERR, regex);
  }

  /**
   * Verifies that stderr is exactly {@code expected}, line endings included.
   *
   * @param expected the whole expected stderr
   * @return this assertion object
   * @throws AssertionError when stderr differs
   * @since 0.1.0
   */
  public ProcessResultAssert hasStderrEqualTo(String expected) {
    return equalTo(Stream.STDERR, expected);
  }

  /**
   * Verifies that the process wrote nothing to stderr (always true with merged stderr).
   *
   * @return this assertion object
   * @throws AssertionError when stderr is not empty
   * @since 0.1.0
   */
  public ProcessResultAssert hasEmptyStderr() {
    return empty(Stream.STDERR);
  }

  /**
   * Navigates to AssertJ's string assertions on the whole stderr.
   *
   * @return a string assertion on stderr whose failures describe the process
   * @since 0.1.0
   */
  public AbstractStringAssert<?> stderr() {
    return navigation.text(text(Stream.STDERR), navigationDescription(Stream.STDERR));
  }

  /**
   * Navigates to AssertJ's list assertions on the lines of stderr.
   *
   * @return a list assertion on the lines of stderr (without line ends) whose failures describe the
   *     process
   * @since 0.1.0
   */
  public ListAssert<String> stderrLines() {
    return navigation.lines(lines(Stream.STDERR), navigationDescription(Stream.STDERR));
  }

  // ---- snapshots ----

  @Override
  String snapshotText() {
    return SnapshotText.of(actual);
  }

  @Override
  SpawnedProcess snapshotProcess() {
    return actual.process().orElse(null);
  }

  @Override
  long snapshotPid() {
    return actual.pid();
  }

  @Override
  String snapshotFailure(String problem) {
    return describe().failure("Expecting " + describe().subject() + " " + problem);
  }

  // ---- shared by both streams ----

  private enum Stream {
    STDOUT("stdout", ProcessResult::stdout, ProcessResult::stdoutLines),
    STDERR("stderr", ProcessResult::stderr, ProcessResult::stderrLines);

    final String label;
    final Function<ProcessResult, String> text;
    final Function<ProcessResult, List<String>> lines;

    Stream(
        String label,
        Function<ProcessResult, String> text,
        Function<ProcessResult, List<String>> lines) {
      this.label = label;
      this.text = text;
      this.lines = lines;
    }
  }

  private ProcessResultAssert contains(Stream stream, String text) {
    Objects.requireNonNull(text, "text");
    isNotNull();
    if (!stream.text.apply(actual).contains(text)) {
      throw expectationFailedOn(
          stream, "to contain " + ProcessDescription.quote(text) + ", but it does not");
    }
    return myself;
  }

  private ProcessResultAssert matches(Stream stream, String regex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    isNotNull();
    if (!pattern.matcher(stream.text.apply(actual)).find()) {
      throw expectationFailedOn(
          stream, "to match /" + regex + "/ (found anywhere), but it does not");
    }
    return myself;
  }

  private ProcessResultAssert equalTo(Stream stream, String expected) {
    Objects.requireNonNull(expected, "expected");
    isNotNull();
    String text = stream.text.apply(actual);
    if (!text.equals(expected)) {
      throw failureWithActualExpected(
          text,
          expected,
          "%s",
          describe()
              .failure(
                  "Expecting "
                      + stream.label
                      + " of "
                      + describe().subject()
                      + " to be equal to:\n  "
                      + ProcessDescription.quote(expected)
                      + "\nbut was:\n  "
                      + ProcessDescription.quote(text)));
    }
    return myself;
  }

  private ProcessResultAssert empty(Stream stream) {
    isNotNull();
    String text = stream.text.apply(actual);
    if (!text.isEmpty()) {
      throw expectationFailedOn(stream, "to be empty, but it has " + text.length() + " characters");
    }
    return myself;
  }

  private String text(Stream stream) {
    try {
      isNotNull();
      return stream.text.apply(actual);
    } catch (AssertionError e) {
      navigation.failed(e);
      return null;
    }
  }

  private List<String> lines(Stream stream) {
    try {
      isNotNull();
      return stream.lines.apply(actual);
    } catch (AssertionError e) {
      navigation.failed(e);
      return null;
    }
  }

  /** {@code stdout of process 'x'} and the details, after any description the user gave. */
  private Supplier<String> navigationDescription(Stream stream) {
    String userDescription = descriptionText();
    return () -> {
      String own =
          actual == null
              ? stream.label + " of a null process result"
              : stream.label
                  + " of "
                  + describe().subject()
                  + "\n"
                  + describe().details().stripTrailing();
      return userDescription.isEmpty() ? own : userDescription + ": " + own;
    };
  }

  private ProcessDescription describe() {
    return ProcessDescription.of(actual);
  }

  private AssertionError expectationFailed(String expectation) {
    ProcessDescription d = describe();
    return failure("%s", d.failure("Expecting " + d.subject() + " " + expectation + "."));
  }

  private AssertionError expectationFailedOn(Stream stream, String expectation) {
    ProcessDescription d = describe();
    return failure(
        "%s",
        d.failure("Expecting " + stream.label + " of " + d.subject() + " " + expectation + "."));
  }
}
