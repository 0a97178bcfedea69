/**
 * AssertJ assertions for processes started by junit-process.
 *
 * <p>{@link io.github.junitprocess.assertj.ProcessAssertions#assertThat} is the entry point for a
 * {@link io.github.junitprocess.ProcessResult} ({@link
 * io.github.junitprocess.assertj.ProcessResultAssert}), a live {@link
 * io.github.junitprocess.SpawnedProcess} ({@link
 * io.github.junitprocess.assertj.SpawnedProcessAssert}, with waiting through {@code eventually()}
 * and {@code within(...)}) and an {@link io.github.junitprocess.Output} ({@link
 * io.github.junitprocess.assertj.OutputAssert}); {@link
 * io.github.junitprocess.assertj.ProcessSoftAssertions} collects failures instead of throwing them.
 *
 * <p>Snapshots: {@code matchesSnapshot()} on {@link
 * io.github.junitprocess.assertj.ProcessResultAssert} and {@link
 * io.github.junitprocess.assertj.OutputAssert} compares the redacted output with a file under
 * {@code junit.process.snapshots.dir} (default {@code src/test/snapshots}) named after the test;
 * {@link io.github.junitprocess.assertj.ProcessTranscripts} runs the {@code console} blocks of
 * Markdown files as dynamic tests. {@code junit.process.snapshots} ({@code verify}, the default, or
 * {@code overwrite}) says what happens to a missing or different snapshot.
 *
 * <p>Every failure message names the process and its command, gives its exit status (exit code,
 * signal, whether the extension stopped it, or "still running") and the last lines of stdout and
 * stderr. Regular expressions are found anywhere in the text or line, like {@code grep}.
 *
 * <p>System properties: {@code junit.process.assertions.timeout} (default {@code 10s}) is how long
 * {@code eventually()} waits; {@code junit.process.assertions.tail.lines} (default 20) is how many
 * lines of each stream a failure message shows.
 *
 * @since 0.1.0
 */
package io.github.junitprocess.assertj;
