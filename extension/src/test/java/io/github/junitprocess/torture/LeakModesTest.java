package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.torture.fixtures.LeakFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code junit.process.leaks}: a test that starts {@code sleep 100} without the extension and
 * forgets it is reported ({@code warn}), failed ({@code fail}), cleaned up ({@code kill}) or
 * ignored ({@code off}). Whatever is left is killed afterwards.
 */
@ExtendWith(NothingLeftBehind.class)
class LeakModesTest {
  private static final Duration GONE_WITHIN = Duration.ofSeconds(5);
  private static final String KEY = "junit-process.leak";

  private String stderr = "";

  @BeforeEach
  void forgetEarlierRuns() {
    LeakFixtures.FORGOTTEN.clear();
  }

  @AfterEach
  void killWhatWasForgotten() {
    List<ProcessTable.Seen> left =
        LeakFixtures.FORGOTTEN.stream()
            .map(p -> ProcessTable.see(p.pid()))
            .flatMap(Optional::stream)
            .collect(Collectors.toList());
    ProcessTable.killAll(left);
    ProcessTable.assertGoneWithin(left, GONE_WITHIN);
  }

  @Test
  void warnReportsTheLeakAndLeavesItRunning() {
    EngineExecutionResults results = run(LeakFixtures.ForgetsASleep.class, "warn");

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    Process leaked = theForgottenProcess();
    assertThat(leakReports(results))
        .singleElement()
        .asString()
        .contains("pid " + leaked.pid() + ": ", "sleep 100", "junit.process.leaks=warn")
        .doesNotContain("killed");
    assertThat(stderr).contains("[junit-process] WARNING", "pid " + leaked.pid());
    assertThat(leaked.isAlive()).isTrue();
  }

  @Test
  void warnIsTheDefault() {
    EngineExecutionResults results = run(LeakFixtures.ForgetsASleep.class, null);

    assertThat(leakReports(results)).singleElement().asString().contains("leaks=warn");
    assertThat(theForgottenProcess().isAlive()).isTrue();
  }

  @Test
  void failFailsTheTestNamingPidAndCommandAndKillsIt() throws InterruptedException {
    EngineExecutionResults results = run(LeakFixtures.ForgetsASleep.class, "fail");

    Process leaked = theForgottenProcess();
    results
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(0).failed(1))
        .failed()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ProcessException.class),
                message(m -> m.contains("pid " + leaked.pid() + ": ") && m.contains("sleep 100")),
                message(m -> m.contains("They were killed."))));
    assertThat(leaked.waitFor(GONE_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("killed").isTrue();
  }

  @Test
  void killKillsTheLeakAndReportsIt() throws InterruptedException {
    EngineExecutionResults results = run(LeakFixtures.ForgetsASleep.class, "kill");

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    Process leaked = theForgottenProcess();
    assertThat(leakReports(results))
        .singleElement()
        .asString()
        .contains("pid " + leaked.pid() + ": ", "sleep 100", "They were killed.");
    assertThat(leaked.waitFor(GONE_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("killed").isTrue();
  }

  @Test
  void offIgnoresIt() {
    EngineExecutionResults results = run(LeakFixtures.ForgetsASleep.class, "off");

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(leakReports(results)).isEmpty();
    assertThat(stderr).doesNotContain("[junit-process]");
    assertThat(theForgottenProcess().isAlive()).isTrue();
  }

  @ParameterizedTest(name = "junit.process.leaks={0}")
  @ValueSource(strings = {"fail", "kill"})
  void underParallelExecutionAProcessOfAConcurrentTestIsNotKilled(String mode) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(LeakFixtures.InUseByAConcurrentTest.class))
            .configurationParameter("junit.process.leaks", mode)
            .configurationParameters(ParallelExecutionTest.CONCURRENT)
            .execute();

    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
  }

  private static Process theForgottenProcess() {
    assertThat(LeakFixtures.FORGOTTEN).hasSize(1);
    return LeakFixtures.FORGOTTEN.get(0);
  }

  private static List<String> leakReports(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
        .filter(m -> m.containsKey(KEY))
        .map((Map<String, String> m) -> m.get(KEY))
        .collect(Collectors.toList());
  }

  private EngineExecutionResults run(Class<?> fixture, String mode) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
      if (mode != null) {
        kit.configurationParameter("junit.process.leaks", mode);
      }
      return kit.execute();
    } finally {
      System.setErr(original);
      stderr = captured.toString(StandardCharsets.UTF_8);
    }
  }
}
