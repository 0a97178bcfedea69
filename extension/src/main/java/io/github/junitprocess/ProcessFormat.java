package io.github.junitprocess;

import io.github.junitprocess.internal.support.Durations;
import io.github.junitprocess.internal.support.Messages;
import java.time.Duration;
import java.util.List;

/**
 * The wording junit-process uses in its messages, for code that writes messages of its own about
 * processes (custom assertions, reports), so that they read like the library's. The assertions
 * module renders its failure messages with it.
 *
 * @since 0.1.0
 */
public final class ProcessFormat {
  /**
   * How many of the last lines of each stream a message shows by default: failure reports of the
   * extension, and the assertions' failure messages unless {@code
   * junit.process.assertions.tail.lines} says otherwise.
   *
   * @since 0.1.0
   */
  public static final int TAIL_LINES = 20;

  private ProcessFormat() {}

  /**
   * The command as a shell would show it, quoting arguments that hold spaces or shell characters.
   * However long the command, the text stays readable: an argument is cut after 1000 characters,
   * and past 100 arguments only the count of the rest is shown.
   *
   * @param command the program and its arguments
   * @return the command line, e.g. {@code sh -c 'echo hello'}
   * @since 0.1.0
   */
  public static String commandLine(List<String> command) {
    return Messages.commandLine(command);
  }

  /**
   * How a process ended: {@code exited with exit code 1}, {@code was killed by signal TERM (exit
   * code 143)}, followed by {@code , stopped by the extension} when it did not end on its own.
   *
   * @param result the result of the process
   * @return the status, without a trailing period
   * @since 0.1.0
   */
  public static String exitStatus(ProcessResult result) {
    return Messages.exitStatus(result);
  }

  /**
   * The status of a live process, as messages show it.
   *
   * @param pid the process id
   * @return {@code still running (pid 123)}
   * @since 0.1.0
   */
  public static String stillRunning(long pid) {
    return Messages.stillRunning(pid);
  }

  /**
   * A duration as messages show it.
   *
   * @param duration the duration
   * @return e.g. {@code 250ms}, {@code 1.5s}, {@code 2m}
   * @since 0.1.0
   */
  public static String duration(Duration duration) {
    return Durations.format(duration);
  }

  /**
   * Parses a duration written as in the annotations and settings: {@code 500ms}, {@code 30s},
   * {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 1d}, or ISO-8601 ({@code PT30S}).
   *
   * @param text the duration's text
   * @return the duration
   * @throws IllegalArgumentException when {@code text} is not such a duration
   * @since 0.1.0
   */
  public static Duration parseDuration(String text) {
    return Durations.parse(text);
  }
}
