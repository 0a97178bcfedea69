package io.github.junitprocess;

/**
 * The POSIX signals a test can send to a process with {@link SpawnedProcess#signal(Signal)} or
 * choose as {@link SpawnProcess#stopSignal()}. Numbers are the Linux ones (also valid on macOS for
 * all but {@code USR1}/{@code USR2}/{@code CONT}/{@code STOP}, which are sent by name).
 */
public enum Signal {
  HUP(1),
  INT(2),
  QUIT(3),
  KILL(9),
  USR1(10),
  USR2(12),
  TERM(15),
  CONT(18),
  STOP(19);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  /** The signal number on Linux, as in {@code kill -l}. */
  public int number() {
    return number;
  }

  /**
   * The signal whose shell exit status ({@code 128 + N}) is {@code exitCode}, if any.
   *
   * @param exitCode an exit code as reported by the JDK or a shell
   * @return the signal, or {@code null} when {@code exitCode} is not {@code 128 + N} of a known one
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
