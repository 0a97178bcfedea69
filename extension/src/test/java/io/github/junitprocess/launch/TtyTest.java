package io.github.junitprocess.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.torture.ProcessTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Terminal mode with real programs: what they see of the terminal, and what the test sees. */
@ExtendWith(ProcessExtension.class)
class TtyTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @SpawnProcess(
      value = {
        "python3",
        "-c",
        "import os; print([os.isatty(fd) for fd in range(3)]);"
            + " os.close(os.open('/dev/tty', os.O_RDWR)); print('/dev/tty opens');"
            + " print(os.getsid(0) == os.tcgetpgrp(0) or os.getpgrp() == os.tcgetpgrp(0))"
      },
      tty = true)
  ProcessResult whatThePythonSees;

  @Test
  void stdinStdoutAndStderrAreTheControllingTerminal() {
    assertThat(whatThePythonSees.exitCode()).isZero();
    assertThat(whatThePythonSees.stdoutLines())
        .containsExactly("[True, True, True]", "/dev/tty opens", "True");
    assertThat(whatThePythonSees.stderr()).isEmpty();
  }

  @SpawnProcess(
      value = {"sh", "-c", "tput cols; tput lines; stty size"},
      tty = true,
      ttySize = "120x40")
  ProcessResult sized;

  @Test
  void tputAndSttyReportTheGivenSize() {
    assertThat(sized.stdoutLines()).containsExactly("120", "40", "40 120");
  }

  @Test
  void theDefaultSizeIs80x24(Processes processes) {
    ProcessResult r =
        processes.run(
            ProcessSpec.of("sh", "-c", "tput cols; tput lines; stty size")
                .env("COLUMNS", "132") // given in env, it wins for tput, not for the terminal
                .tty(true));

    assertThat(r.stdoutLines()).containsExactly("132", "24", "24 80");
  }

  @Test
  void inheritedColumnsAndLinesDoNotOverrideTheTerminal(Processes processes) {
    ProcessResult r =
        processes.run(
            ProcessSpec.of("sh", "-c", "echo \"[${COLUMNS-unset}] [${LINES-unset}]\"; tput cols")
                .tty(true)
                .ttySize(100, 30));

    assertThat(r.stdoutLines()).containsExactly("[unset] [unset]", "100");
  }

  @Test
  void aSpecSizesTheTerminal(Processes processes) {
    ProcessResult r = processes.run(ProcessSpec.of("stty", "size").tty(true).ttySize(132, 50));

    assertThat(r.stdout()).isEqualTo("50 132\n");
  }

  @Test
  void termDefaultsToXterm256colorUnlessEnvGivesOne(Processes processes) {
    assertThat(processes.run(ProcessSpec.of("sh", "-c", "echo $TERM").tty(true)).stdout())
        .isEqualTo("xterm-256color\n");
    assertThat(
            processes
                .run(ProcessSpec.of("sh", "-c", "echo $TERM").env("TERM", "vt100").tty(true))
                .stdout())
        .isEqualTo("vt100\n");
  }

  @Test
  void bytesAreRawAndTextReadsCrLfAsALineEnd(Processes processes) {
    ProcessResult r = processes.run(ProcessSpec.of("printf", "one\\ntwo\\n").tty(true));
    SpawnedProcess p = processes.start(ProcessSpec.of("printf", "one\\ntwo\\n").tty(true));
    p.waitFor(WAIT);

    assertThat(new String(p.stdout().bytes(), StandardCharsets.UTF_8)).isEqualTo("one\r\ntwo\r\n");
    assertThat(p.stdout().text()).isEqualTo("one\ntwo\n");
    assertThat(p.stdout().lines()).containsExactly("one", "two");
    assertThat(r.stdout()).isEqualTo("one\ntwo\n");
    assertThat(r.stdoutLines()).containsExactly("one", "two");
    assertThat(r.stderr()).isEmpty();
    assertThat(p.stderr().size()).isZero();
  }

  @Test
  void theTerminalEchoesWhatIsTypedAndCtrlDEndsInput(Processes processes) {
    SpawnedProcess cat = processes.start(ProcessSpec.of("cat").tty(true));

    cat.writeLine("hello");
    cat.closeStdin();

    ProcessResult r = cat.waitFor(WAIT);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdoutLines()).containsExactly("hello", "hello"); // the echo, then cat's copy
  }

  @Test
  void closeStdinAfterAnUnfinishedLineHandsItOverThenEndsInput(Processes processes) {
    SpawnedProcess cat = processes.start(ProcessSpec.of("cat").tty(true));

    cat.write("no newline");
    cat.closeStdin();

    ProcessResult r = cat.waitFor(WAIT);
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("no newlineno newline");
  }

  @Test
  void aStdinFileIsTypedIntoTheTerminal(Processes processes, @TempDir Path dir) throws IOException {
    Path input = Files.writeString(dir.resolve("typed.txt"), "first\nsecond\n");

    ProcessResult r =
        processes.run(
            ProcessSpec.of("python3", "-c", "import sys; print(sys.stdin.isatty(), input())")
                .stdin(input)
                .tty(true));

    assertThat(r.stdoutLines()).contains("True first");
  }

  @Test
  void aPasswordPromptIsAwaitedAndTheAnswerIsNotEchoed(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of(
                    "python3",
                    "-c",
                    "import getpass; pw = getpass.getpass('Password: '); print('got', len(pw))")
                .tty(true));

    assertThat(p.stdout().awaitMatch("^Password: $", WAIT).group()).isEqualTo("Password: ");
    p.writeLine("s3cret");

    assertThat(p.stdout().awaitLine("^got \\d+$", WAIT)).isEqualTo("got 6");
    assertThat(p.waitFor(WAIT).exitCode()).isZero();
    assertThat(p.stdout().text()).doesNotContain("s3cret");
  }

  @Test
  void aShellPromptWithoutNewlineIsAwaitedWithAwaitMatch(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "printf 'name? '; read name; echo \"hi $name\"").tty(true));

    assertThat(p.stdout().awaitMatch("name\\? $", WAIT).group()).isEqualTo("name? ");
    p.writeLine("bob");

    assertThat(p.stdout().awaitLine("^hi ", WAIT)).isEqualTo("hi bob");
    assertThat(p.stdout().lines()).containsExactly("name? bob", "hi bob");
  }

  @Test
  void thePythonReplIsInteractiveOnATerminal(Processes processes) {
    SpawnedProcess python = processes.start(ProcessSpec.of("python3", "-q").tty(true));

    python.stdout().awaitMatch(">>> $", WAIT); // no -i needed: stdin is a terminal
    python.writeLine("6 * 7");
    assertThat(python.stdout().awaitLine("^42$", WAIT)).isEqualTo("42");
    python.stdout().awaitMatch(">>> $", WAIT); // the prompt after the answer
    python.writeLine("import sys; print(sys.stdin.isatty(), sys.stdout.isatty())");
    assertThat(python.stdout().awaitLine("^True True$", WAIT)).isEqualTo("True True");

    // Ctrl-D at the prompt leaves the REPL; typed before the prompt is there, while readline
    // switches the terminal's mode, the terminal can drop it (a real one too)
    python.stdout().awaitMatch(">>> $", WAIT);
    python.closeStdin();
    assertThat(python.waitFor(WAIT).exitCode()).isZero();
  }

  @Test
  void readyLineCanBeThePromptItself(
      @SpawnProcess(
              value = {"python3", "-q"},
              tty = true,
              readyLine = ">>> $")
          SpawnedProcess python) {
    python.writeLine("print('ready before', 'typing')");

    assertThat(python.stdout().awaitLine("^ready before typing$", WAIT)).isNotEmpty();
    python.writeLine("exit(4)");
    assertThat(python.waitFor(WAIT).exitCode()).isEqualTo(4);
  }

  @Test
  void aProgramColoursOnlyOnATerminal(Processes processes) {
    ProcessSpec grep = ProcessSpec.of("sh", "-c", "echo hello | grep --color=auto ell");

    String onTerminal = processes.run(grep.tty(true)).stdout();
    String onPipe =
        processes.run(ProcessSpec.of("sh", "-c", "echo hello | grep --color=auto ell")).stdout();

    assertThat(onPipe).isEqualTo("hello\n");
    assertThat(onTerminal).contains("\u001b[").contains("ell").isNotEqualTo(onPipe);
  }

  @Test
  void exitCodesAndSignalsPassThrough(Processes processes) {
    ProcessResult seven = processes.run(ProcessSpec.of("sh", "-c", "exit 7").tty(true));
    ProcessResult term = processes.run(ProcessSpec.of("sh", "-c", "kill -TERM $$").tty(true));

    assertThat(seven.exitCode()).isEqualTo(7);
    assertThat(seven.signal()).isEmpty();
    assertThat(term.exitCode()).isEqualTo(143);
    assertThat(term.signal()).contains(Signal.TERM);
  }

  @Test
  void signalIntIsCtrlC(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("python3", "-c", "import time\nprint('sleeping')\ntime.sleep(100)")
                .readyLine("sleeping")
                .tty(true));

    p.signal(Signal.INT);

    ProcessResult r = p.waitFor(WAIT);
    assertThat(r.stdout()).contains("KeyboardInterrupt");
    assertThat(r.signal()).contains(Signal.INT);
    assertThat(r.stoppedByExtension()).isFalse();
  }

  @Test
  void readyLineAndReadyPortWorkOnATerminal(Processes processes) throws IOException {
    int port = processes.freePort();
    SpawnedProcess server =
        processes.start(
            ProcessSpec.of(
                    "python3", "-m", "http.server", Integer.toString(port), "--bind", "127.0.0.1")
                .readyPort(port)
                .tty(true));

    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    }
    assertThat(server.isAlive()).isTrue();
    assertThat(server.stdout().awaitLine("Serving HTTP", WAIT)).contains(Integer.toString(port));
  }

  @Test
  void stopEndsTheProgramAndItsTreeOnTheTerminal(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "sleep 1000 & sleep 1000 & echo started; wait")
                .readyLine("started")
                .tty(true));
    List<ProcessTable.Seen> tree = ProcessTable.tree(p.pid());
    assertThat(tree).hasSizeGreaterThanOrEqualTo(4); // keeper, sh, two sleeps
    assertThat(ProcessTable.commandLine(tree.get(1).pid())).contains("sh -c sleep 1000");

    ProcessResult r = p.stop();

    assertThat(r.stoppedByExtension()).isTrue();
    assertThat(r.signal()).contains(Signal.TERM);
    ProcessTable.assertGoneWithin(tree, Duration.ZERO);
  }

  @Test
  void aProgramIgnoringTermIsKilledAfterTheGrace(Processes processes) {
    SpawnedProcess p =
        processes.start(
            ProcessSpec.of("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done")
                .readyLine("ready")
                .tty(true));
    List<ProcessTable.Seen> tree = ProcessTable.tree(p.pid());

    ProcessResult r = p.stop(Duration.ofMillis(300));

    assertThat(r.signal()).contains(Signal.KILL);
    ProcessTable.assertGoneWithin(tree, Duration.ZERO);
  }

  @Test
  void aTaskPoolRunsSpecsOnTerminals(@ProcessPool(size = 2) WorkerPool pool) {
    List<ProcessResult> results =
        pool.runAll(
            List.of(
                ProcessSpec.of("stty", "size").tty(true).ttySize(90, 20),
                ProcessSpec.of("stty", "size").tty(true),
                ProcessSpec.of("sh", "-c", "test -t 1 || echo not a terminal")));

    assertThat(results)
        .extracting(ProcessResult::stdout)
        .containsExactly("20 90\n", "24 80\n", "not a terminal\n");
  }

  @Test
  void aSizeWithoutATerminalIsRefused(Processes processes) {
    ProcessSpec spec = ProcessSpec.of("true").ttySize(100, 30);

    assertThatThrownBy(() -> processes.run(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttySize(100, 30)")
        .hasMessageContaining("tty(true)");
  }

  @Test
  void aBadSizeIsRefusedBySpec() {
    assertThatThrownBy(() -> ProcessSpec.of("true").ttySize(0, 24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttySize(0, 24)");
    assertThatThrownBy(() -> ProcessSpec.of("true").ttySize(80, 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..65535");
  }
}
