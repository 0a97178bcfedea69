package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Interactive programs on a terminal: a password prompt and a REPL, in terminal mode ({@code tty =
 * true}).
 *
 * <p>The vault ({@code vault.py}) refuses to start without a terminal, reads its password with
 * {@code getpass} and colours its greeting only on a terminal. The terminal echoes what is typed,
 * so input shows up in {@code stdout()} unless the program turned the echo off; a prompt is the
 * unfinished last line, awaited with {@code awaitMatch}.
 */
class TerminalTest {
  static final Duration ANSWER = Duration.ofSeconds(30); // a deadline: returns at the answer
  static final String VAULT = "src/test/resources/terminal/vault.py";

  @SpawnProcess(
      value = {"python3", VAULT},
      tty = true,
      ttySize = "100x30")
  SpawnedProcess vault;

  @Test
  void logsInThroughAPasswordPrompt() {
    vault.stdout().awaitMatch("^Username: $", ANSWER); // a prompt: no newline until Enter
    vault.writeLine("alice"); // typed, then Enter
    vault.stdout().awaitMatch("^Password: $", ANSWER);
    vault.writeLine("open sesame"); // getpass has turned the echo off

    assertThat(vault.stdout().awaitLine("Welcome", ANSWER))
        .isEqualTo("\u001b[32mWelcome, alice\u001b[0m"); // in colour: stdout is a terminal
    assertThat(vault.stdout().text()).contains("Username: alice").doesNotContain("open sesame");

    vault.stdout().awaitMatch("^vault> $", ANSWER);
    vault.writeLine("width");
    assertThat(vault.stdout().awaitLine("^width: ", ANSWER)).isEqualTo("width: 100");

    vault.closeStdin(); // Ctrl-D at the prompt
    assertThat(vault).exitsWithin(ANSWER).succeeded().hasEmptyStderr();
    assertThat(vault.stdout().lines()).endsWith("vault> bye"); // Ctrl-D is not echoed
  }

  @Test
  void aWrongPasswordIsRefused() {
    vault.stdout().awaitMatch("^Username: $", ANSWER);
    vault.writeLine("alice");
    vault.stdout().awaitMatch("^Password: $", ANSWER);
    vault.writeLine("guess");

    assertThat(vault).exitsWithin(ANSWER).hasExitCode(1).hasStdoutContaining("Access denied");
  }

  @Test
  void withoutATerminalItRefusesToStart(Processes processes) {
    ProcessResult piped = processes.run(ProcessSpec.of("python3", VAULT));

    assertThat(piped).hasExitCode(2).hasStderrContaining("vault: needs a terminal");
  }

  @Test
  void thePythonReplOnATerminal(
      @SpawnProcess(
              value = {"python3", "-q"}, // no -i: on a terminal Python is interactive anyway
              tty = true,
              readyLine = ">>> $") // ready at its first prompt
          SpawnedProcess python) {
    python.writeLine("x = 6 * 7");
    python.writeLine("print('x is', x)");
    assertThat(python.stdout().awaitMatch("^x is (\\d+)$", ANSWER).group(1)).isEqualTo("42");

    python.writeLine("x / 0"); // the traceback goes to the terminal too: stdout
    assertThat(python.stdout().awaitLine("Error", ANSWER))
        .isEqualTo("ZeroDivisionError: division by zero");

    python.signal(Signal.INT); // Ctrl-C: the REPL drops the line and goes on
    python.stdout().awaitLine("^KeyboardInterrupt$", ANSWER);

    python.writeLine("exit(3)");
    assertThat(python).exitsWithin(ANSWER).hasExitCode(3).hasEmptyStderr();
  }
}
