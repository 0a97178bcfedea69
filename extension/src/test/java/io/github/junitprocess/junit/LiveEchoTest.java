package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.capture.LiveEcho;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live echo gets the bytes of each chunk the pump read, and puts a prefix at each line's start
 * itself: lines cut across chunks come out whole, a line another stream interrupts is ended there,
 * and an unfinished last line is printed and ended when its stream ends.
 */
@ExtendWith(ProcessExtension.class)
class LiveEchoTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void prefixesEachLineOfTheChunksInTheOrderTheyCame() throws Exception {
    try (ConsoleTap console = ConsoleTap.tap()) {
      LiveEcho.Echo out = LiveEcho.of("cut", false);
      LiveEcho.Echo err = LiveEcho.of("cut", true);
      chunk(out, "hel");
      chunk(out, "lo\nwor");
      chunk(err, "oops\n");
      chunk(out, "ld\n\nlast");
      out.end();
      err.end();
      LiveEcho.of("marker", false).accept("end"); // one printer, in order: after the chunks

      console.await("[marker] end"::equals, WAIT);
      List<String> lines = console.lines();
      assertThat(lines.subList(lines.indexOf("[cut] hello"), lines.indexOf("[marker] end")))
          .containsExactly(
              "[cut] hello", "[cut] wor", "[cut!] oops", "[cut] ld", "[cut] ", "[cut] last");
    }
  }

  @Test
  void aPromptIsEchoedAndTheAnswerContinuesItsLine(Processes processes) throws Exception {
    try (ConsoleTap console = ConsoleTap.tap()) {
      SpawnedProcess asker =
          processes.start(
              ProcessSpec.of(
                      "sh", "-c", "printf 'Name? '; read name; echo \"hi $name\"; printf 'bye'")
                  .name("asker")
                  .echo(true));
      asker.writeLine("bob");
      assertThat(asker.waitFor(WAIT).exitCode()).isZero();
      LiveEcho.of("marker", false).accept("end"); // one printer, in order: after the stream's end

      console.await("[marker] end"::equals, WAIT);
      assertThat(console.lines()).containsSubsequence("[asker] Name? hi bob", "[asker] bye");
    }
  }

  private static void chunk(LiveEcho.Echo echo, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    echo.chunk(bytes, 0, bytes.length);
  }
}
