package io.github.junitprocess.internal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What went wrong while closing several things: every close is tried, and at the end the first
 * problem is thrown with the others suppressed into it. Not thread-safe: one closing thread owns
 * it.
 */
public final class Problems {
  private final List<Throwable> problems = new ArrayList<>();

  /** Notes a problem after those noted so far. */
  public void add(Throwable problem) {
    problems.add(problem);
  }

  /** Notes a problem before those noted so far: the one to be thrown. */
  public void addFirst(Throwable problem) {
    problems.add(0, problem);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * Throws nothing when no problem was noted; otherwise what {@code asThrown} makes of the first
   * problem, with every other one suppressed into it.
   */
  public void throwIfAny(Function<Throwable, ? extends RuntimeException> asThrown) {
    if (!problems.isEmpty()) {
      throw aggregate(problems, asThrown);
    }
  }

  /**
   * What {@code asThrown} makes of the first of {@code problems} (not empty), with every other one
   * suppressed into it (the first itself and repeats of the result are left out).
   */
  public static RuntimeException aggregate(
      List<? extends Throwable> problems,
      Function<Throwable, ? extends RuntimeException> asThrown) {
    Throwable first = problems.get(0);
    RuntimeException thrown = asThrown.apply(first);
    for (Throwable t : problems.subList(1, problems.size())) {
      if (t != first && t != thrown) {
        thrown.addSuppressed(t);
      }
    }
    return thrown;
  }

  /**
   * {@code retold}, an exception that tells {@code original} again with another message, given the
   * original's stack trace and suppressed problems, so that it reads as the same failure.
   */
  public static <T extends Throwable> T retold(Throwable original, T retold) {
    retold.setStackTrace(original.getStackTrace());
    for (Throwable s : original.getSuppressed()) {
      retold.addSuppressed(s);
    }
    return retold;
  }
}
