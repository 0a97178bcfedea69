package io.github.junitprocess.internal.support;

/**
 * Warnings for the user: things that do not fail a test but that they should fix (a leaked process,
 * an unwritable log directory, a callback that threw). One line prefix, on stderr, where Surefire
 * and IDEs show it beside the test.
 */
public final class Warnings {
  /** What every warning starts with. */
  public static final String PREFIX = "[junit-process] WARNING: ";

  private Warnings() {}

  /** Prints {@code message} (may span lines) as one warning. */
  public static void print(String message) {
    System.err.println(PREFIX + message);
  }
}
