package io.github.junitprocess.internal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void aCommandLineQuotesWhatAShellWould() {
    assertThat(Messages.commandLine(List.of("sh", "-c", "echo 'hi' $HOME", "")))
        .isEqualTo("sh -c 'echo '\\''hi'\\'' $HOME' ''");
  }

  @Test
  void aLongArgumentIsCutInMessages() {
    String line = Messages.commandLine(List.of("echo", "y".repeat(200 * 1024)));

    assertThat(line)
        .startsWith("echo 'yyy")
        .endsWith("y [... " + (200 * 1024 - 1000) + " more characters]'")
        .hasSizeLessThan(1100);
  }

  @Test
  void manyArgumentsAreCountedPastTheFirstHundred() {
    List<String> command = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      command.add("a" + i);
    }

    String line = Messages.commandLine(command);

    assertThat(line)
        .contains(" a99 ")
        .doesNotContain("a100 ")
        .endsWith("[... 9900 more arguments]");
  }
}
