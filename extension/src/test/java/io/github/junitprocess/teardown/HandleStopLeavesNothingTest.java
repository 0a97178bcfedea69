package io.github.junitprocess.teardown;

import static io.github.junitprocess.TestKit.isGone;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handle's own {@code stop()} and {@code kill()} leave nothing behind, not only the end of the
 * scope: descendants that already left the process's tree (a {@code setsid} daemon, a double-forked
 * one) are gone when the call returns.
 */
@ExtendWith(ProcessExtension.class)
class HandleStopLeavesNothingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Prints the pids of two daemons that left its tree, then stays (ignoring TERM when asked). */
  private static final String ESCAPING =
      "(setsid sleep 300 & echo setsid $!); (sleep 300 & echo forked $!); echo ready; exec sleep 300";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stop", "kill"})
  void escapedDaemonsAreGoneWhenTheCallReturns(String how, Processes processes) {
    SpawnedProcess p = processes.start(ProcessSpec.of("sh", "-c", ESCAPING).readyLine("^ready$"));
    long setsid = pidOf(p, "setsid");
    long forked = pidOf(p, "forked");
    assertThat(p.descendants()).extracting(ProcessHandle::pid).doesNotContain(setsid, forked);
    assertThat(List.of(setsid, forked)).noneMatch(TestKit::isGone);

    ProcessResult r = how.equals("stop") ? p.stop() : p.kill();

    assertThat(r.stoppedByExtension()).isTrue();
    assertThat(isGone(setsid)).as("the setsid daemon").isTrue();
    assertThat(isGone(forked)).as("the double-forked daemon").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stop", "kill"})
  void aDaemonizedServersPortIsFreeOnceStopped(String how, Processes processes) throws Exception {
    int port = processes.freePort();
    String server =
        "import socket, sys\n"
            + "s = socket.socket()\n"
            + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + "s.bind(('127.0.0.1', int(sys.argv[1])))\n"
            + "s.listen()\n"
            + "while True:\n"
            + "    s.accept()[0].close()\n";
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "(setsid python3 -c \"$0\" \"$1\" & echo daemon $!); exec sleep 300",
                    server,
                    Integer.toString(port))
                .readyPort(port));
    long daemon = pidOf(p, "daemon");

    Function<SpawnedProcess, ProcessResult> end =
        how.equals("stop") ? SpawnedProcess::stop : SpawnedProcess::kill;
    end.apply(p);

    assertThat(isGone(daemon)).isTrue();
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(s.getLocalPort()).isEqualTo(port);
    } catch (IOException e) {
      throw new AssertionError("port " + port + " is still taken after " + how + "()", e);
    }
  }

  private static long pidOf(SpawnedProcess p, String label) {
    String line = p.stdout().awaitLine("^" + label + " \\d+$", WAIT);
    return Long.parseLong(line.substring(label.length() + 1));
  }
}
