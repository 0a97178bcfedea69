package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A small cluster: three child JVMs running {@link ClusterNode}, each on its own named port, each
 * told the ports of the others through {@code ${port.NAME}}. One is killed mid-test; the others
 * notice and carry on, and see it again when it comes back.
 *
 * <p>Run under JaCoCo (this module's build runs {@code prepare-agent}), every node gets the test
 * JVM's agent, so the coverage report counts {@link ClusterNode}'s lines, which only the nodes ran.
 * A node writes its data when it stops gracefully: gamma, killed, leaves none; gamma-again, stopped
 * at the end, does ({@link ChildJvmCoverageTest} shows the mechanism on its own).
 */
class ClusterTest {
  static final Duration NOTICE = Duration.ofSeconds(20);
  static final String QUICK_START = "-XX:TieredStopAtLevel=1"; // a short-lived JVM needs no C2

  // started in declaration order, each ready once its port accepts connections
  @SpawnProcess(
      javaMain = ClusterNode.class,
      jvmArgs = QUICK_START,
      args = {"alpha", "${port.alpha}", "beta=${port.beta}", "gamma=${port.gamma}"},
      readyPort = "${port.alpha}")
  SpawnedProcess alpha;

  @SpawnProcess(
      javaMain = ClusterNode.class,
      jvmArgs = QUICK_START,
      args = {"beta", "${port.beta}", "alpha=${port.alpha}", "gamma=${port.gamma}"},
      readyPort = "${port.beta}")
  SpawnedProcess beta;

  @SpawnProcess(
      javaMain = ClusterNode.class,
      jvmArgs = QUICK_START,
      args = {"gamma", "${port.gamma}", "alpha=${port.alpha}", "beta=${port.beta}"},
      readyPort = "${port.gamma}")
  SpawnedProcess gamma;

  @Test
  void theOthersCarryOnWhenANodeDies(Processes processes) throws IOException {
    long start = System.currentTimeMillis(); // for the coverage check at the end
    assertThat(alpha).within(NOTICE).stdout().containsLine("alpha sees beta up");
    assertThat(alpha).within(NOTICE).stdout().containsLine("alpha sees gamma up");
    assertThat(beta).within(NOTICE).stdout().containsLine("beta sees gamma up");

    assertThat(gamma.kill()).wasKilledBy(Signal.KILL);

    assertThat(alpha).within(NOTICE).stdout().containsLine("alpha sees gamma down");
    assertThat(beta).within(NOTICE).stdout().containsLine("beta sees gamma down");
    assertThat(view(alpha)).isEqualTo("up: beta");
    assertThat(view(beta)).isEqualTo("up: alpha");

    // gamma comes back on its port: still pinging, the others see it again
    SpawnedProcess gammaAgain =
        processes.start(
            ProcessSpec.java(ClusterNode.class, "gamma", port("gamma"), peer("alpha"), peer("beta"))
                .jvmArgs(QUICK_START)
                .readyPort(alpha.port("gamma"))
                .name("gamma-again"));
    await().atMost(NOTICE).untilAsserted(() -> assertThat(view(alpha)).isEqualTo("up: beta,gamma"));
    await().atMost(NOTICE).untilAsserted(() -> assertThat(view(beta)).isEqualTo("up: alpha,gamma"));
    assertThat(alpha.stdout().lines())
        .containsSubsequence("alpha sees gamma up", "alpha sees gamma down", "alpha sees gamma up");

    // stopped gracefully (TERM), a node writes its coverage as its JVM exits; killed, it would not
    gammaAgain.stop();
    if (ChildJvmCoverageTest.underJacoco()) {
      assertThat(
              ChildJvmCoverageTest.sessionsSince(
                  start, "io/github/junitprocess/examples/ClusterNode"))
          .isNotEmpty();
    }
  }

  private String port(String node) {
    return String.valueOf(alpha.port(node)); // named ports are shared by the whole test class
  }

  private String peer(String node) {
    return node + "=" + port(node);
  }

  /** Asks a node which peers it sees now. */
  private static String view(SpawnedProcess node) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.port(node.name()))) {
      socket.setSoTimeout(5_000);
      new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println("VIEW");
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }
}
