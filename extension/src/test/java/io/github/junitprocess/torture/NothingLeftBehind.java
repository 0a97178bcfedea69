package io.github.junitprocess.torture;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After all tests of a torture class (whose test-scoped processes are stopped by then, and which
 * holds no class-scoped ones), no process started by this test JVM is alive: none carries a {@code
 * JUNIT_PROCESS_ID} of this JVM's run ({@code <pid>.<random>-<n>}). A zombie counts as gone.
 */
public final class NothingLeftBehind implements AfterAllCallback {
  private static final String RUN_PREFIX = ProcessHandle.current().pid() + ".";

  @Override
  public void afterAll(ExtensionContext context) {
    List<ProcessTable.Seen> alive =
        ProcessTable.carrying("JUNIT_PROCESS_ID", value -> value.startsWith(RUN_PREFIX));
    ProcessTable.assertGoneWithin(alive, Duration.ofSeconds(2));
  }
}
