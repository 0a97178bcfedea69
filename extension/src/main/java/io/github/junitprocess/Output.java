package io.github.junitprocess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.MatchResult;

/**
 * One captured output stream (stdout or stderr) of a process.
 *
 * <p>Capture starts at spawn and runs on its own thread until the stream ends, so the child never
 * blocks on a full pipe. Memory is bounded by {@code junit.process.capture.limit} (default 8 MiB):
 * beyond it the first and last halves are kept and the middle is dropped ({@link #truncated()}).
 * The complete stream is kept in {@link #logFile()}.
 */
public interface Output {

  /**
   * The process that writes this stream, when it is known: always for the streams of a {@link
   * SpawnedProcess}; empty for an {@code Output} made elsewhere (the default).
   *
   * @since 0.1.0
   */
  default Optional<SpawnedProcess> process() {
    return Optional.empty();
  }

  /** The captured text, decoded as UTF-8 with malformed bytes replaced. */
  String text();

  /** {@link #text()} split into lines ({@code \n} or {@code \r\n}); no trailing empty line. */
  List<String> lines();

  /** The captured bytes, exactly as written (head and tail only when {@link #truncated()}). */
  byte[] bytes();

  /** Total number of bytes the process wrote to this stream, including any dropped from memory. */
  long size();

  /** {@code true} when the in-memory copy dropped the middle of the stream. */
  boolean truncated();

  /**
   * The file holding the complete stream, under {@code junit.process.log.dir}. The file is written
   * from the moment the stream outgrows the in-memory limit, or when first asked for (from memory,
   * which then still holds everything); a failed test's report asks for it.
   *
   * @throws IllegalStateException when log files are disabled ({@code
   *     junit.process.log.enabled=false})
   */
  Path logFile();

  /**
   * Waits for the first line (already written or still to come) in which {@code regex} is found.
   *
   * @return the matching line
   * @throws ProcessExitedException at once if the process exits before such a line appears
   * @throws ProcessTimeoutException when {@code timeout} passes first
   */
  String awaitLine(String regex, Duration timeout);

  /**
   * Like {@link #awaitLine(String, Duration)}, returning the match with its capture groups.
   *
   * @throws ProcessExitedException at once if the process exits before such a line appears
   * @throws ProcessTimeoutException when {@code timeout} passes first
   */
  MatchResult awaitMatch(String regex, Duration timeout);

  /**
   * Waits for the first line (already written or still to come) accepted by {@code predicate}.
   *
   * @throws ProcessExitedException at once if the process exits before such a line appears
   * @throws ProcessTimeoutException when {@code timeout} passes first
   */
  String awaitLine(Predicate<String> predicate, Duration timeout);
}
