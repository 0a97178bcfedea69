package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.ChildJvmFixtures;
import io.github.junitprocess.fixtures.ChildJvmMains;
import io.github.junitprocess.internal.capture.LiveEcho;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Child JVMs (API §13) and live output (§14), with real child JVMs: assertions inherited from the
 * test JVM, a debugger attached over a raw JDWP connection, the thread dump of a child that is not
 * ready in time, and the echo of lines on the test JVM's stdout, which never holds up the capture.
 * The coverage agent's round trip runs in the examples module, whose tests run with JaCoCo.
 */
@ExtendWith(NothingLeftBehind.class)
class ChildJvmTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeEach
  void forget() {
    ChildJvmFixtures.SEEN.clear();
  }

  @Test
  void childJvmsHaveAssertionsWhenTheTestJvmHasThemAndTheirJvmArgsWin() {
    // Surefire (enableAssertions, its default) sets the class loaders' default status, no -ea
    assertThat(ChildJvmMains.Asserting.class.desiredAssertionStatus())
        .as("assertions in the test JVM, as Surefire and IDEs enable them by default")
        .isTrue();

    TestKit.assertAllPassed(TestKit.run(ChildJvmFixtures.Assertions.class), 1);

    assertThat(ChildJvmFixtures.SEEN)
        .containsEntry("inherits", "assertions=on")
        .containsEntry("spec", "assertions=on")
        .containsEntry("disabled", "assertions=off");
  }

  @Test
  void childJvmsHaveNoAssertionsWhenTheTestJvmRunsTheirClassWithout() {
    ClassLoader loader = ChildJvmMains.Asserting.class.getClassLoader();
    String main = ChildJvmMains.Asserting.class.getName();
    loader.setClassAssertionStatus(main, false);
    try {
      TestKit.assertAllPassed(TestKit.run(ChildJvmFixtures.Assertions.class), 1);
    } finally {
      loader.setClassAssertionStatus(main, true);
    }
    assertThat(ChildJvmFixtures.SEEN)
        .containsEntry("inherits", "assertions=off")
        .containsEntry("spec", "assertions=off");
  }

  @Test
  void echoPrintsTheLinesOfTheNamedProcessesAndOfSpecsThatAskForIt() throws Exception {
    List<String> printed = talk("junit.process.echo", "annotated");

    assertThat(printed)
        .contains(
            "[annotated] hello from annotated",
            "[annotated!] complaint from annotated",
            "[annotated] READY",
            "[spec] hello from spec",
            "[spec!] complaint from spec");
  }

  @Test
  void echoAllPrintsEveryProcessAndOffOnlyTheSpecsThatAskForIt() throws Exception {
    assertThat(talk("junit.process.echo", "all"))
        .contains("[annotated] hello from annotated", "[spec] hello from spec");

    List<String> off = talk("junit.process.echo", "off");
    assertThat(off).contains("[spec] hello from spec", "[spec!] complaint from spec");
    assertThat(off).noneMatch(line -> line.startsWith("[annotated"));
  }

  /** Runs the talkers with {@code config}; the lines printed once every echo has been printed. */
  private static List<String> talk(String... config) throws Exception {
    try (ConsoleTap console = ConsoleTap.tap()) {
      TestKit.assertAllPassed(TestKit.run(ChildJvmFixtures.Talkers.class, config), 1);
      LiveEcho.of("marker", false).accept("end"); // one printer, in order: after the talkers
      console.await("[marker] end"::equals, WAIT);
      return console.lines();
    }
  }

  @Test
  void aConsoleThatDoesNotKeepUpNeitherBlocksNorSlowsTheCapture() throws Exception {
    try (ConsoleTap console = ConsoleTap.stuck()) {
      // the console takes nothing until released, yet the child's 100000 lines are all captured
      CompletableFuture<EngineExecutionResults> run =
          CompletableFuture.supplyAsync(() -> TestKit.run(ChildJvmFixtures.Flood.class));
      EngineExecutionResults results = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      TestKit.assertAllPassed(results, 1);

      console.release();
      String note = console.await(line -> line.startsWith("[junit-process] echo dropped"), WAIT);
      assertThat(note).matches("\\[junit-process] echo dropped \\d+ lines of flood: .*log file.*");
      assertThat(console.lines())
          .contains("[flood] line 0 of a flood that no console keeps up with");
    }
  }

  @Test
  void aChildJvmThatIsNotReadyInTimeShowsWhereItsMainThreadHangs() throws Exception {
    Throwable failure = TestKit.singleFailure(TestKit.run(ChildJvmFixtures.NeverReady.class));

    assertThat(failure)
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("main thread, from the thread dump taken with QUIT")
        .hasMessageContaining("\"main\" #") // #1 on JDK 17, #3 on JDK 25
        .hasMessageContaining("java.lang.Thread.State: WAITING")
        .hasMessageContaining("ChildJvmMains$Hanging.waitForever")
        .hasMessageContaining("ChildJvmMains$Hanging.main");
    Matcher logs = Pattern.compile("logs: (\\S+\\.stdout\\.log)").matcher(failure.getMessage());
    assertThat(logs.find()).as("the log files in %s", failure.getMessage()).isTrue();
    String log = Files.readString(Path.of(logs.group(1)));
    assertThat(log)
        .contains("starting, but never ready", "Full thread dump", "\"Reference Handler\"")
        .contains("JNI global refs");
  }

  @Test
  void aDebuggedChildJvmWaitsForItsDebuggerWithoutAStartupTimeout() throws Exception {
    try (ConsoleTap console = ConsoleTap.tap()) {
      CompletableFuture<EngineExecutionResults> run =
          CompletableFuture.supplyAsync(
              () ->
                  TestKit.run(
                      ChildJvmFixtures.Debuggee.class,
                      "junit.process.java.debug",
                      "debuggee",
                      "junit.process.echo",
                      "debuggee"));

      String notice = console.await(line -> line.contains("waits for a debugger"), WAIT);
      Matcher port = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) ").matcher(notice);
      assertThat(port.find()).as(notice).isTrue();
      assertThat(notice)
          .isEqualTo(
              "[junit-process] debuggee: child JVM waits for a debugger on 127.0.0.1:"
                  + port.group(1)
                  + " (junit.process.java.debug) — attach to continue; its startup timeout does"
                  + " not run while it is debugged");
      console.await(
          ("[debuggee] Listening for transport dt_socket at address: " + port.group(1))::equals,
          WAIT);

      // twice its startup timeout of 1s, suspended: not failed, still waiting
      assertThatThrownBy(() -> run.get(2500, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);

      try (Socket debugger =
          new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1)))) {
        resume(debugger);
        TestKit.assertAllPassed(run.get(WAIT.toSeconds(), TimeUnit.SECONDS), 1);
      }
    }
  }

  /** The JDWP handshake, then VirtualMachine.Resume (command set 1, command 9), as an IDE does. */
  private static void resume(Socket socket) throws Exception {
    socket.setSoTimeout((int) WAIT.toMillis());
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] handshake = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);
    out.write(handshake);
    out.flush();
    byte[] answer = new byte[handshake.length];
    in.readFully(answer);
    assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("JDWP-Handshake");

    out.writeInt(11); // length of the packet: its header only
    out.writeInt(1); // id
    out.writeByte(0); // flags: a command
    out.writeByte(1); // command set VirtualMachine
    out.writeByte(9); // command Resume
    out.flush();

    while (true) { // the VM_START event may come first; the reply is the packet with our id
      int length = in.readInt();
      int id = in.readInt();
      int flags = in.readUnsignedByte();
      int errorOrCommand = in.readUnsignedShort();
      in.readFully(new byte[length - 11]);
      if (flags == 0x80 && id == 1) {
        assertThat(errorOrCommand).as("the error code of the reply to Resume").isZero();
        return;
      }
    }
  }

  @Test
  void childJvmsOfOneNameInTestsRunningAtTheSameTimeKeepApart() {
    EngineExecutionResults results =
        TestKit.run(ChildJvmFixtures.SameNamesInParallel.class, TestKit.CONCURRENTLY);

    TestKit.assertAllPassed(results, 4);
    Set<String> logs =
        ChildJvmFixtures.SEEN.entrySet().stream()
            .filter(e -> e.getKey().startsWith("node "))
            .map(e -> e.getValue())
            .collect(Collectors.toSet());
    assertThat(logs).hasSize(4);
  }

  @Test
  void badChildJvmSettingsAreConfigurationErrors() {
    assertThat(
            TestKit.singleFailure(
                TestKit.run(
                    ChildJvmFixtures.Talkers.class, "junit.process.java.coverage", "maybe")))
        .hasMessage("junit.process.java.coverage must be auto or off; was 'maybe'");
    assertThat(
            TestKit.singleFailure(
                TestKit.run(
                    ChildJvmFixtures.Talkers.class, "junit.process.java.debug", "annotated:99999")))
        .hasMessageContaining("junit.process.java.debug: the port of 'annotated:99999' must be");
  }
}
