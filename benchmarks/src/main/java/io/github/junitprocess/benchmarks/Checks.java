package io.github.junitprocess.benchmarks;

/**
 * Sanity checks inside benchmarks: a benchmark that silently measures a failure is worse than none.
 */
final class Checks {
  private Checks() {}

  static int exitedZero(int exitCode, String command) {
    if (exitCode != 0) {
      throw new IllegalStateException(command + " exited " + exitCode);
    }
    return exitCode;
  }

  static String equal(String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException("expected '" + expected + "' but got '" + actual + "'");
    }
    return actual;
  }

  static long equal(long expected, long actual, String what) {
    if (expected != actual) {
      throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
    }
    return actual;
  }
}
