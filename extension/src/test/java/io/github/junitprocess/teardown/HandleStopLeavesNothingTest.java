package io.github.junitprocess.teardown;

import static io.github.junitprocess.TestKit.isGone;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.torture.ProcessTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
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

  /**
   * Prints the pids of three daemons that left its tree, one of them without the marker in its
   * environment (found by its process group), then stays.
   */
  private static final String ESCAPING =
      "(setsid sleep 300 & echo setsid $!); (sleep 300 & echo forked $!);"
          + " (env -u JUNIT_PROCESS_ID sleep 301 & echo unmarked $!); echo ready; exec sleep 300";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stop", "kill"})
  void escapedDaemonsAreGoneWhenTheCallReturns(String how, Processes processes) {
    SpawnedProcess p = processes.start(ProcessSpec.of("sh", "-c", ESCAPING).readyLine("^ready$"));
    long setsid = pidOf(p, "setsid");
    long forked = pidOf(p, "forked");
    long unmarked = pidOf(p, "unmarked");
    assertThat(p.descendants())
        .extracting(ProcessHandle::pid)
        .doesNotContain(setsid, forked, unmarked);
    assertThat(List.of(setsid, forked, unmarked)).noneMatch(TestKit::isGone);
    ProcessTable.awaitCommandLine(unmarked, "sleep 301", WAIT);
    assertThat(ProcessTable.environment(unmarked, "JUNIT_PROCESS_ID")).as("no marker").isEmpty();

    ProcessResult r = how.equals("stop") ? p.stop() : p.kill();

    assertThat(r.stoppedByExtension()).isTrue();
    assertThat(isGone(setsid)).as("the setsid daemon").isTrue();
    assertThat(isGone(forked)).as("the double-forked daemon").isTrue();
    assertThat(isGone(unmarked)).as("the daemon without the marker").isTrue();
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

  @Test
  void aChildForkedWhileHandlingTheSignalIsGoneWhenTheStopReturns(Processes processes) {
    // sh forks nothing until TERM (read is a builtin); its trap forks a child and exits at once,
    // so the child is out of the tree (reparented) before the stop can see it there
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "sh", "-c", "trap 'sleep 300 & echo child $!; exit 0' TERM; echo ready; read x")
                .readyLine("^ready$"));

    ProcessResult r = p.stop(Duration.ofSeconds(30));

    String line =
        r.stdoutLines().stream()
            .filter(l -> l.startsWith("child "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the trap did not run: " + r.stdoutLines()));
    long child = Long.parseLong(line.substring("child ".length()));
    assertThat(r.exitCode()).as("sh ended by its trap").isZero();
    assertThat(isGone(child)).as("the child forked by the trap, pid " + child).isTrue();
  }

  @Test
  void aTreeStoppedWholeLeavesNothingAndEachOfItsChildrenGetsTheSignal(Processes processes) {
    // every fork is a child the stop finds alive: the pids add up, and nothing needs a search.
    // Background jobs read /dev/null unless told otherwise: fd 3 keeps the real stdin for them.
    String kid = "trap \"echo bye $$; exit 0\" TERM; echo kid $$; while :; do read x; done";
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "exec 3<&0; for i in 1 2 3; do sh -c '"
                        + kid
                        + "' <&3 & done; echo ready; wait")
                .readyLine("^ready$"));
    List<Long> kids = new java.util.concurrent.CopyOnWriteArrayList<>();
    p.stdout()
        .awaitLine(
            line -> {
              if (line.startsWith("kid ")) {
                kids.add(Long.parseLong(line.substring("kid ".length())));
              }
              return kids.size() == 3;
            },
            WAIT);
    assertThat(p.descendants()).extracting(ProcessHandle::pid).containsAll(kids);

    ProcessResult r = p.stop(Duration.ofSeconds(30));

    assertThat(kids).allMatch(TestKit::isGone);
    assertThat(r.stdoutLines())
        .as("TERM reached each child")
        .contains("bye " + kids.get(0), "bye " + kids.get(1), "bye " + kids.get(2));
  }

  private static long pidOf(SpawnedProcess p, String label) {
    String line = p.stdout().awaitLine("^" + label + " \\d+$", WAIT);
    return Long.parseLong(line.substring(label.length() + 1));
  }
}
