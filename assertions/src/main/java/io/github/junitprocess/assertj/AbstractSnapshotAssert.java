package io.github.junitprocess.assertj;

import io.github.junitprocess.SpawnedProcess;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * The snapshot assertions that {@link ProcessResultAssert} and {@link OutputAssert} share: {@link
 * #redacting(String, String)} and the {@code matchesSnapshot} methods. What is compared is the
 * actual value's snapshot text: for a result its command line, exit status, stdout and stderr; for
 * an output the text captured so far. Not meant to be extended outside this package.
 *
 * @param <SELF> the assertion's own type, returned for chaining
 * @param <ACTUAL> the type of the value checked
 * @since 0.1.0
 */
public abstract class AbstractSnapshotAssert<
        SELF extends AbstractSnapshotAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {
  private Redactions redactions = Redactions.NONE;

  AbstractSnapshotAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** The text a snapshot holds for the actual value, before redaction. */
  abstract String snapshotText();

  /** The process whose paths and ports are redacted, or null when unknown. */
  abstract SpawnedProcess snapshotProcess();

  /** The pid redacted as {@code [PID]}, or 0 for none. */
  abstract long snapshotPid();

  /** The failure message: {@code problem} after what is checked, with the process's details. */
  abstract String snapshotFailure(String problem);

  /**
   * Adds a redaction for the following snapshot assertions of this chain: before comparing (and
   * before writing), every match of {@code regex} in the actual text, or only what its named group
   * {@code redacted} matched when it has one ({@code "took (?<redacted>\\d+)ms"}), becomes {@code
   * token}. Applied after the automatic redactions ({@code [CWD]}, {@code [TEMP]}, {@code [ROOT]},
   * {@code [HOME]}, {@code [JAVA]}, {@code [PORT]}, {@code [PORT.NAME]}, {@code [PID]}), in the
   * order given. Other assertions see the text unredacted.
   *
   * @param token the text that replaces each match
   * @param regex the pattern of the volatile part (a group named {@code redacted} limits the
   *     replacement to it)
   * @return this assertion
   * @throws java.util.regex.PatternSyntaxException when {@code regex} does not compile
   * @since 0.1.0
   */
  public SELF redacting(String token, String regex) {
    redactions = redactions.with(token, regex);
    return myself;
  }

  /**
   * Verifies that the actual value matches the snapshot of the test running on this thread, in the
   * file {@code <junit.process.snapshots.dir>/<package folders>/<Class>/<method>.txt} ({@code
   * -<index>} after the method for an invocation of a repeated or parameterized test; the directory
   * defaults to {@code src/test/snapshots} in the test JVM's working directory). See {@link
   * #matchesSnapshot(Path)} for the comparison and the modes.
   *
   * @return this assertion
   * @throws IllegalStateException when no JUnit test with the junit-process extension active runs
   *     on this thread (use {@link #matchesSnapshot(Path)} there)
   * @since 0.1.0
   */
  public SELF matchesSnapshot() {
    return snapshot(Snapshots.ofCurrentTest(null, "matchesSnapshot()"));
  }

  /**
   * Like {@link #matchesSnapshot()}, for a second snapshot of one test: the file name gets {@code
   * .<name>} ({@code <method>.<name>.txt}; characters other than letters, digits, {@code .}, {@code
   * _} and {@code -} become {@code _}).
   *
   * @param name the snapshot's name within the test
   * @return this assertion
   * @throws IllegalArgumentException when {@code name} is blank
   * @throws IllegalStateException when no JUnit test with the junit-process extension active runs
   *     on this thread
   * @since 0.1.0
   */
  public SELF matchesSnapshot(String name) {
    Objects.requireNonNull(name, "name");
    return snapshot(Snapshots.ofCurrentTest(name, "matchesSnapshot(\"" + name + "\")"));
  }

  /**
   * Verifies that the actual value matches the snapshot in {@code file} (relative to the test JVM's
   * working directory). The actual text is redacted first (see {@link #redacting(String, String)});
   * in the snapshot, {@code [..]} matches any text within one line and a line holding only {@code
   * ...} any number of lines; everything else must be equal.
   *
   * <p>In mode {@code junit.process.snapshots=verify} (the default) a mismatch fails with a unified
   * diff, the file and how to update it; a missing snapshot is written from the actual text and the
   * assertion fails, asking to review and commit it, except when the environment variable {@code
   * CI} is {@code true}: then nothing is written and it fails saying the snapshot is missing. In
   * mode {@code overwrite} a missing or different snapshot is (re)written, keeping each {@code
   * [..]} and {@code ...} line that still matches, and the assertion passes. Writes are atomic.
   *
   * @param file the snapshot file
   * @return this assertion
   * @throws java.io.UncheckedIOException when the file cannot be read or written
   * @throws IllegalArgumentException when {@code junit.process.snapshots} is neither {@code verify}
   *     nor {@code overwrite}
   * @since 0.1.0
   */
  public SELF matchesSnapshot(Path file) {
    return snapshot(Snapshots.ofFile(file));
  }

  private SELF snapshot(Snapshots.Target target) {
    isNotNull();
    String text = redactions.apply(snapshotText(), snapshotProcess(), null, snapshotPid());
    Optional<Snapshots.Failure> failure = Snapshots.check(target, text);
    if (failure.isEmpty()) {
      return myself;
    }
    Snapshots.Failure f = failure.get();
    String message = snapshotFailure("to match its snapshot, but " + f.message());
    throw f.expected() == null
        ? failure("%s", message)
        : failureWithActualExpected(f.actual(), f.expected(), "%s", message);
  }
}
