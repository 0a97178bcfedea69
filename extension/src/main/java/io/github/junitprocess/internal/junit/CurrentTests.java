package io.github.junitprocess.internal.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test method running on each thread, from the extension's {@code beforeEach} to its {@code
 * afterEach}. A stack, because a test may run another engine on its own thread (the JUnit test
 * kit): the inner test's end gives the outer one back.
 */
public final class CurrentTests {
  private static final ThreadLocal<Deque<ExtensionContext>> RUNNING =
      ThreadLocal.withInitial(ArrayDeque::new);

  private CurrentTests() {}

  public static void entered(ExtensionContext context) {
    RUNNING.get().push(context);
  }

  public static void left(ExtensionContext context) {
    Deque<ExtensionContext> running = RUNNING.get();
    running.remove(context);
    if (running.isEmpty()) {
      RUNNING.remove();
    }
  }

  public static Optional<ExtensionContext> current() {
    return Optional.ofNullable(RUNNING.get().peek());
  }
}
