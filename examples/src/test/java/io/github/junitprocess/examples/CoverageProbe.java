package io.github.junitprocess.examples;

/**
 * A program that only child JVMs run, the subject of {@link ChildJvmCoverageTest}: no test calls
 * it, so any coverage of it in {@code target/jacoco.exec} was written by a child.
 */
public final class CoverageProbe {
  private CoverageProbe() {}

  public static void main(String[] args) throws Exception {
    System.out.println("probe " + args[0] + " READY");
    System.in.read(); // runs until stopped
  }
}
