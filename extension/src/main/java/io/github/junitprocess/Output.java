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
 *
 * <p>Meant for users, through {@link SpawnedProcess#stdout()} and {@link SpawnedProcess#stderr()};
 * it is not meant to be implemented outside the library.
 *
 * @since 0.1.0
 */
public interface Output {

  /**
   * The process that writes this stream, when it is known: always for the streams of a {@link
   * SpawnedProcess}; empty for an {@code Output} made elsewhere (the default).
   *
   * @return the process, or empty
   * @since 0.1.0
   */
  default Optional<SpawnedProcess> process() {
    return Optional.empty();
  }

  /**
   * The captured text so far.
   *
   * @return the bytes in memory decoded as UTF-8, malformed bytes replaced
   * @since 0.1.0
   */
  String text();

  /**
   * The captured text so far, in lines.
   *
   * @return {@link #text()} split at {@code \n} or {@code \r\n}, without line ends; no trailing
   *     empty line
   * @since 0.1.0
   */
  List<String> lines();

  /**
   * The captured bytes so far.
   *
   * @return a copy of the bytes exactly as written (head and tail only when {@link #truncated()})
   * @since 0.1.0
   */
  byte[] bytes();

  /**
   * How much the process wrote to this stream so far.
   *
   * @return the total number of bytes, including any dropped from memory
   * @since 0.1.0
   */
  long size();

  /**
   * Whether the in-memory copy dropped the middle of the stream.
   *
   * @return {@code true} once the stream outgrew {@code junit.process.capture.limit}
   * @since 0.1.0
   */
  boolean truncated();

  /**
   * The file holding the complete stream, under {@code junit.process.log.dir}. The file is written
   * from the moment the stream outgrows the in-memory limit, or when first asked for (from memory,
   * which then still holds everything); a failed test's report asks for it.
   *
   * @return the log file's path
   * @throws IllegalStateException when log files are disabled ({@code
   *     junit.process.log.enabled=false})
   * @since 0.1.0
   */
  Path logFile();

  /**
   * Waits for the first line (already written or still to come) in which {@code regex} is found.
   * Returns as soon as the line arrives, without polling.
   *
   * @param regex a {@link java.util.regex.Pattern} searched for in each line ({@code find})
   * @param timeout how long to wait
   * @return the matching line, without its line end
   * @throws ProcessExitedException at once if the process exits before such a line appears
   * @throws ProcessTimeoutException when {@code timeout} passes first
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @throws NullPointerException when {@code regex} or {@code timeout} is null
   * @since 0.1.0
   */
  String awaitLine(String regex, Duration timeout);

  /**
   * Like {@link #awaitLine(String, Duration)}, returning the match with its capture groups.
   *
   * @param regex a {@link java.util.regex.Pattern} searched for in each line ({@code find})
   * @param timeout how long to wait
   * @return the first match in the first matching line
   * @throws ProcessExitedException at once if the process exits before such a line appears
   * @throws ProcessTimeoutException when {@code timeout} passes first
   * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
   * @throws NullPointerException when {@code regex} or {@code timeout} is null
   * @since 0.1.0
   */
  MatchResult awaitMatch(String regex, Duration timeout);

  /**
   * Waits for the first line (already written or still to come) accepted by {@code predicate}.
   *
   * @param predicate tested with each line, without its line end, on the capture thread
   * @param timeout how long to wait
   * @return the accepted line
   * @throws ProcessExitedException at once if the process exits before such a line appears
   * @throws ProcessTimeoutException when {@code timeout} passes first
   * @throws NullPointerException when {@code predicate} or {@code timeout} is null
   * @since 0.1.0
   */
  String awaitLine(Predicate<String> predicate, Duration timeout);
}
