package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A dialogue with an interactive program, expect-style: write a line, await the answer, go on.
 *
 * <p>The program is Python's own interactive interpreter. {@code awaitLine} returns the first
 * matching line, past or future, so each step awaits a line only that step can produce.
 */
class ReplTest {
  static final Duration ANSWER = Duration.ofSeconds(30); // a deadline: returns at the answer

  // -i: interactive without a terminal (prompts go to stderr); -q: no banner; -u: no buffering
  @SpawnProcess({"python3", "-u", "-q", "-i"})
  SpawnedProcess python;

  @Test
  void aDialogue() {
    python.writeLine("x = 6 * 7");
    python.writeLine("print('x is', x)");
    assertThat(python.stdout().awaitMatch("^x is (\\d+)$", ANSWER).group(1)).isEqualTo("42");

    python.writeLine("x / 0");
    assertThat(python.stderr().awaitLine("Error", ANSWER))
        .isEqualTo("ZeroDivisionError: division by zero");

    python.writeLine("print('still here with', x + 1)"); // an error does not end the session
    assertThat(python).within(ANSWER).hasStdoutLineMatching("^still here with 43$");

    python.writeLine("exit(3)");
    assertThat(python).exitsWithin(ANSWER).hasExitCode(3);
  }

  @Test
  void endOfInputEndsTheSession() {
    python.writeLine("print('bye')");
    python.closeStdin(); // like Ctrl-D at the prompt

    assertThat(python).exitsWithin(ANSWER).succeeded().hasStdoutEqualTo("bye\n");
  }
}
