package io.github.junitprocess.internal.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.torture.ProcessTable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The suite-level promise, checked after every other test class of the module (the class orderer in
 * {@code junit-platform.properties} runs it last): no process started by this test JVM's run is
 * alive, and the JVM has no child left but the reaper sidecar. A zombie counts as gone.
 */
@Order(Integer.MAX_VALUE)
@Isolated
class NoProcessLeftBehindTest {
  /** A process killed by the last test may still be dying. */
  private static final Duration DYING = Duration.ofSeconds(2);

  @Test
  void noProcessCarryingThisRunsCookieIsAlive() {
    List<ProcessTable.Seen> marked = ProcessTable.carrying(Cookies.ENV, Cookies::ofThisRun);

    report("carrying cookie " + Cookies.RUN + "-*", marked);
    ProcessTable.assertGoneWithin(marked, DYING);
  }

  @Test
  void theTestJvmHasNoChildButTheReaper() {
    long self = ProcessHandle.current().pid();
    long reaper = Reaper.pid();
    List<ProcessTable.Seen> children =
        ProcessTable.all().stream()
            .filter(s -> ProcessTable.parentOf(s.pid()) == self && s.pid() != reaper)
            .collect(Collectors.toList());

    report("children of the test JVM (reaper " + reaper + " aside)", children);
    ProcessTable.assertGoneWithin(children, DYING);
    assertThat(reaper).as("the reaper sidecar ran for this suite").isPositive();
  }

  private static void report(String what, List<ProcessTable.Seen> alive) {
    System.out.println(
        "[torture] processes left alive at the end of the suite, " + what + ": " + alive.size());
  }
}
