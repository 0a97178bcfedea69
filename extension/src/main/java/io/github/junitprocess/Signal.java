package io.github.junitprocess;

/**
 * The POSIX signals a test can send to a process with {@link SpawnedProcess#signal(Signal)} or
 * choose as {@link SpawnProcess#stopSignal()}. Numbers are the Linux ones (also valid on macOS for
 * all but {@code USR1}/{@code USR2}/{@code CONT}/{@code STOP}, which are sent by name).
 *
 * @since 0.1.0
 */
public enum Signal {
  /**
   * Hang-up (1): a daemon's usual "reload your configuration".
   *
   * @since 0.1.0
   */
  HUP(1),
  /**
   * Interrupt (2), as Ctrl-C sends.
   *
   * @since 0.1.0
   */
  INT(2),
  /**
   * Quit (3), as Ctrl-\\ sends; a JVM prints a thread dump on it.
   *
   * @since 0.1.0
   */
  QUIT(3),
  /**
   * Kill (9): cannot be caught or ignored.
   *
   * @since 0.1.0
   */
  KILL(9),
  /**
   * User-defined signal 1 (10).
   *
   * @since 0.1.0
   */
  USR1(10),
  /**
   * User-defined signal 2 (12).
   *
   * @since 0.1.0
   */
  USR2(12),
  /**
   * Terminate (15): the default stop signal, a request to exit cleanly.
   *
   * @since 0.1.0
   */
  TERM(15),
  /**
   * Continue (18) a stopped process.
   *
   * @since 0.1.0
   */
  CONT(18),
  /**
   * Stop (19): suspends the process; cannot be caught or ignored.
   *
   * @since 0.1.0
   */
  STOP(19);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  /**
   * The signal number on Linux, as in {@code kill -l}.
   *
   * @return the number
   * @since 0.1.0
   */
  public int number() {
    return number;
  }

  /**
   * The signal whose shell exit status ({@code 128 + N}) is {@code exitCode}, if any.
   *
   * @param exitCode an exit code as reported by the JDK or a shell
   * @return the signal, or {@code null} when {@code exitCode} is not {@code 128 + N} of a known one
   * @since 0.1.0
   */
  public static Signal fromExitCode(int exitCode) {
    for (Signal s : values()) {
      if (128 + s.number == exitCode) {
        return s;
      }
    }
    return null;
  }
}
