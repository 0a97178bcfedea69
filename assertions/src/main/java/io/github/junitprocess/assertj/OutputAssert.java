package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on one captured stream, an {@link Output}.
 *
 * <p>Obtain one with {@link ProcessAssertions#assertThat(Output)}, or from {@link
 * SpawnedProcessAssert#stdout()}. Assertions check the output captured so far, unless {@link
 * #eventually()} or {@link #within(Duration)} came first: then {@link #containsLine(String)} and
 * {@link #hasLineMatching(String)} wait for such a line, and fail at once if the process exits
 * without writing it.
 *
 * <p>A failure message describes the whole process the output belongs to (name, command, exit
 * status, the last lines of both streams); for an {@code Output} that is not the extension's own,
 * the last lines of the output and its log file.
 *
 * @since 0.1.0
 */
public class OutputAssert extends AbstractSnapshotAssert<OutputAssert, Output> {
  private Navigation navigation = Navigation.HARD;

  /** {@code null}: check now; otherwise how long the waiting assertions wait. */
  private Duration wait;

  /** The process this output belongs to, when known: failure messages then describe it. */
  private SpawnedProcess owner;

  private String streamLabel;

  /**
   * Creates an assertion on {@code actual}; prefer {@link ProcessAssertions#assertThat(Output)}.
   *
   * @param actual the output to check; {@code null} fails the first assertion
   * @since 0.1.0
   */
  public OutputAssert(Output actual) {
    super(actual, OutputAssert.class);
    if (actual == null) {
      return; // AssertJ reports the null actual at the first assertion
    }
    actual
        .process()
        .ifPresent(
            process -> { // the extension's own stream: it knows its process
              owner = process;
              streamLabel = process.stdout() == actual ? "stdout" : "stderr";
            });
  }

  OutputAssert navigatingWith(Navigation navigation) {
    this.navigation = navigation;
    return myself;
  }

  OutputAssert ofProcess(SpawnedProcess owner, String streamLabel) {
    this.owner = owner;
    this.streamLabel = streamLabel;
    return myself;
  }

  // ---- waiting mode ----

  /**
   * Makes the following line assertions in this chain wait, up to the timeout set by the system
   * property {@code junit.process.assertions.timeout} (default 10s).
   *
   * @return this assertion object
   * @throws IllegalArgumentException when that property is not a positive duration
   * @since 0.1.0
   */
  public OutputAssert eventually() {
    wait = AssertionSettings.timeout();
    return myself;
  }

  /**
   * Makes the following line assertions in this chain wait up to {@code timeout}.
   *
   * @param timeout how long each waiting assertion waits
   * @return this assertion object
   * @throws IllegalArgumentException when {@code timeout} is not positive
   * @throws NullPointerException when {@code timeout} is null
   * @since 0.1.0
   */
  public OutputAssert within(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    wait = timeout;
    return myself;
  }

  // ---- lines ----

  /**
   * Verifies that some line is exactly {@code line}; in waiting mode, waits for it.
   *
   * @param line the expected line, without its line end
   * @return this assertion object
   * @throws AssertionError when no line is {@code line} (in waiting mode: none arrived in time, or
   *     the process exited first)
   * @throws NullPointerException when {@code line} is null
   * @since 0.1.0
   */
  public OutputAssert containsLine(String line) {
    Objects.requireNonNull(line, "line");
    return hasLine(line::equals, "to contain the line " + ProcessDescription.quote(line));
  }

  /**
   * Verifies that some line contains a match of {@code regex} ({@code find} semantics); in waiting
   * mode, waits for it.
   *
   * @param regex a {@link java.util.regex.Pattern}
   * @return this assertion object
   * @throws AssertionError when no line matches (in waiting mode: none arrived in time, or the
   *     process exited first)
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @throws NullPointerException when {@code regex} is null
   * @since 0.1.0
   */
  public OutputAssert hasLineMatching(String regex) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    return hasLine(l -> pattern.matcher(l).find(), "to have a line matching /" + regex + "/");
  }

  /**
   * Verifies the number of lines captured so far. Never waits.
   *
   * @param expected the number of lines
   * @return this assertion object
   * @throws AssertionError when the output has another number of lines
   * @since 0.1.0
   */
  public OutputAssert hasLineCount(int expected) {
    isNotNull();
    int count = actual.lines().size();
    if (count != expected) {
      throw expectationFailed("to have " + lines(expected) + ", but it has " + count);
    }
    return myself;
  }

  /**
   * Verifies that nothing has been written to this stream so far. Never waits.
   *
   * @return this assertion object
   * @throws AssertionError when the process wrote anything to it
   * @since 0.1.0
   */
  public OutputAssert isEmpty() {
    isNotNull();
    long size = actual.size();
    if (size != 0) {
      throw expectationFailed("to be empty, but it has " + size + " bytes");
    }
    return myself;
  }

  /**
   * Verifies that the in-memory copy dropped the middle of the stream because it outgrew {@code
   * junit.process.capture.limit}. Never waits.
   *
   * @return this assertion object
   * @throws AssertionError when every byte was kept
   * @since 0.1.0
   */
  public OutputAssert wasTruncated() {
    isNotNull();
    if (!actual.truncated()) {
      throw expectationFailed(
          "to have been truncated in memory, but all its " + actual.size() + " bytes were kept");
    }
    return myself;
  }

  /**
   * Navigates to AssertJ's string assertions on the text captured so far.
   *
   * @return a string assertion whose failures describe this output's process
   * @since 0.1.0
   */
  public AbstractStringAssert<?> text() {
    String text = null;
    try {
      isNotNull();
      text = actual.text();
    } catch (AssertionError e) {
      navigation.failed(e);
    }
    return navigation.text(text, navigationDescription());
  }

  /**
   * Navigates to AssertJ's list assertions on the lines captured so far.
   *
   * @return a list assertion whose failures describe this output's process
   * @since 0.1.0
   */
  public ListAssert<String> lines() {
    List<String> lines = null;
    try {
      isNotNull();
      lines = actual.lines();
    } catch (AssertionError e) {
      navigation.failed(e);
    }
    return navigation.lines(lines, navigationDescription());
  }

  private OutputAssert hasLine(Predicate<String> accepts, String expectation) {
    isNotNull();
    if (wait == null) {
      if (actual.lines().stream().noneMatch(accepts)) {
        throw expectationFailed(expectation + ", but none does");
      }
      return myself;
    }
    Waiting.Outcome outcome = Waiting.untilLine(actual, accepts, wait);
    if (outcome != Waiting.Outcome.MET) {
      throw expectationFailed(
          expectation
              + " within "
              + ProcessFormat.duration(wait)
              + (outcome == Waiting.Outcome.EXITED
                  ? ", but the process exited without writing it"
                  : ", but it did not"));
    }
    return myself;
  }

  // ---- snapshots ----

  @Override
  String snapshotText() {
    return SnapshotText.of(actual);
  }

  @Override
  SpawnedProcess snapshotProcess() {
    return owner;
  }

  @Override
  long snapshotPid() {
    return owner == null ? 0 : owner.pid();
  }

  @Override
  String snapshotFailure(String problem) {
    ProcessDescription d = describe();
    return d.failure("Expecting " + subject(d) + " " + problem);
  }

  private static String lines(int count) {
    return count == 1 ? "1 line" : count + " lines";
  }

  private ProcessDescription describe() {
    return owner == null ? ProcessDescription.of(actual) : ProcessDescription.of(owner);
  }

  private String subject(ProcessDescription d) {
    return owner == null ? d.subject() : streamLabel + " of " + d.subject();
  }

  /** What the output is, then the details, after any description the user gave. */
  private Supplier<String> navigationDescription() {
    String userDescription = descriptionText();
    return () -> {
      String own;
      if (actual == null) {
        own = "a null output";
      } else {
        ProcessDescription d = describe();
        own = subject(d) + "\n" + d.details().stripTrailing();
      }
      return userDescription.isEmpty() ? own : userDescription + ": " + own;
    };
  }

  private AssertionError expectationFailed(String expectation) {
    ProcessDescription d = describe();
    return failure("%s", d.failure("Expecting " + subject(d) + " " + expectation + "."));
  }
}
