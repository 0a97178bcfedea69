package io.github.junitprocess.assertj;

import io.github.junitprocess.ProcessExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a test's snapshot lives, and the comparison of a (redacted) actual text with it, in the
 * mode the settings say. The asserts only render their actual text and turn a {@link Failure} into
 * their own message.
 *
 * <p>The path rule: {@code <snapshots dir>/<package as folders>/<Class>/<method>.txt}; a nested
 * class is {@code Outer.Inner}; an invocation of a repeated or parameterized test adds {@code
 * -<index>} to the method ({@code -1-2} for an invocation of an invocation, as in a class
 * template); a named snapshot adds {@code .<name>}, with characters other than letters, digits,
 * {@code .}, {@code _} and {@code -} written as {@code _}: {@code
 * src/test/snapshots/com/example/CliTest/printsUsage-2.after-upgrade.txt}.
 */
final class Snapshots {
  private static final Pattern INVOCATION = Pattern.compile("\\[[a-z-]*invocation:#(\\d+)\\]");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private Snapshots() {}

  /** A snapshot file, and the test it is checked in (null without one: system properties). */
  record Target(Path file, ExtensionContext context) {}

  /** Why a snapshot did not match; {@code expected} is null when there was no snapshot. */
  record Failure(String message, String expected, String actual) {}

  /**
   * The snapshot of the test running on this thread, {@code name} null for its unnamed one.
   *
   * @throws IllegalStateException when no test runs on this thread with the extension active
   * @throws IllegalArgumentException when {@code name} is blank
   */
  static Target ofCurrentTest(String name, String call) {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("a snapshot name must not be blank");
    }
    ExtensionContext context =
        ProcessExtension.currentTest()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        call
                            + " names its snapshot file after the JUnit test running on this"
                            + " thread, but there is none here (or the junit-process extension is"
                            + " not active in it: it is with @SpawnProcess, @ProcessPool or"
                            + " @ExtendWith(ProcessExtension.class), on the thread of the test and"
                            + " its @BeforeEach and @AfterEach methods). Give the file instead:"
                            + " matchesSnapshot(Path.of(\"src/test/snapshots/....txt\"))."));
    return new Target(path(SnapshotSettings.dir(context), context, name), context);
  }

  /** An explicit file, relative to the test JVM's working directory. */
  static Target ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new Target(
        Path.of("").toAbsolutePath().resolve(file).normalize(),
        ProcessExtension.currentTest().orElse(null));
  }

  /** The path rule (see the class comment). */
  static Path path(Path dir, ExtensionContext context, String name) {
    Class<?> testClass = context.getRequiredTestClass();
    String pkg = testClass.getPackageName();
    Path folder = dir;
    if (!pkg.isEmpty()) {
      for (String part : pkg.split("\\.")) {
        folder = folder.resolve(part);
      }
    }
    String simpleName = testClass.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    folder = folder.resolve(simpleName.replace('$', '.'));
    StringBuilder file = new StringBuilder(context.getRequiredTestMethod().getName());
    List<String> invocations = new ArrayList<>();
    Matcher m = INVOCATION.matcher(context.getUniqueId());
    while (m.find()) {
      invocations.add(m.group(1));
    }
    for (String invocation : invocations) {
      file.append('-').append(invocation);
    }
    if (name != null) {
      file.append('.').append(UNSAFE.matcher(name.strip()).replaceAll("_"));
    }
    return folder.resolve(file.append(".txt").toString());
  }

  /**
   * Compares {@code actual} (redacted) with the target's snapshot, writing it as the mode says.
   *
   * @return empty when the assertion passes
   */
  static Optional<Failure> check(Target target, String actual) {
    SnapshotSettings.Mode mode = SnapshotSettings.mode(target.context());
    Path file = target.file();
    return SnapshotFiles.exclusively(
        file,
        () -> {
          Optional<String> existing = SnapshotFiles.read(file);
          if (existing.isEmpty()) {
            if (mode == SnapshotSettings.Mode.OVERWRITE) {
              SnapshotFiles.write(file, actual);
              return Optional.empty();
            }
            if (SnapshotSettings.inCi()) {
              return Optional.of(new Failure(missingInCi(file), null, actual));
            }
            SnapshotFiles.write(file, actual);
            return Optional.of(new Failure(written(file), null, actual));
          }
          String expected = existing.get();
          List<String> expectedLines = SnapshotText.lines(expected);
          SnapshotPatterns.Alignment alignment =
              SnapshotPatterns.align(expectedLines, SnapshotText.lines(actual));
          if (alignment.matches()) {
            return Optional.empty();
          }
          if (mode == SnapshotSettings.Mode.OVERWRITE) {
            SnapshotFiles.write(file, SnapshotText.join(alignment.normalized()));
            return Optional.empty();
          }
          return Optional.of(
              new Failure(
                  mismatch(file, SnapshotDiff.unified(expectedLines, alignment.normalized())),
                  expected,
                  actual));
        });
  }

  /** The file as a message shows it: relative to the test JVM's working directory when inside. */
  static String shown(Path file) {
    Path root = Path.of("").toAbsolutePath();
    return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
  }

  /** After "Expecting X to match its snapshot, but ": a missing one, written now. */
  static String written(Path file) {
    return "there was none: it has been written from the actual output (redacted) to\n  "
        + shown(file)
        + "\nReview that file and commit it; from then on the output is compared with it.";
  }

  /** A missing one in CI, where none is written. */
  static String missingInCi(Path file) {
    return "there is none:\n  "
        + shown(file)
        + "\nIn CI (CI=true) no snapshot is written. Run the test where CI is not set (or with -D"
        + SnapshotSettings.MODE
        + "=overwrite) to write it, review it and commit it.";
  }

  /** A mismatch, with the diff. */
  static String mismatch(Path file, String diff) {
    return "it differs from\n  "
        + shown(file)
        + "\n(- snapshot, + actual, redacted; lines matched by [..] or ... count as equal):\n"
        + diff
        + updateHint();
  }

  static String updateHint() {
    return "To accept the actual output, run with -D"
        + SnapshotSettings.MODE
        + "=overwrite (lines with [..] or ... that still match are kept), or edit the file.";
  }
}
