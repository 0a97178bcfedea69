package io.github.junitprocess.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a terminal's stream does differently: \r\n in text, and the unfinished line for waiters. */
class TerminalLinesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HeadTailBuffer memory = new HeadTailBuffer(1024);

  private void write(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    memory.append(b, 0, b.length);
  }

  private static OutputCapture terminal(List<String> callback) {
    return new OutputCapture(
        "stdout", 1024, LogFile.disabled(), callback == null ? null : callback::add, true);
  }

  @Test
  void aWaiterOnATerminalIsOfferedTheUnfinishedLastLineInMemory() {
    LineListeners listeners = new LineListeners(null, true);
    write("welcome\r\nPassword: ");

    List<String> past = listeners.add(new LineWaiter(l -> false, terminal(null)), memory, false);

    assertThat(past).containsExactly("welcome", "Password: ");
    assertThat(listeners.splitter().peek()).as("still pending").isEqualTo("Password: ");
  }

  @Test
  void offPipesTheUnfinishedLineWaitsForItsEnd() {
    LineListeners listeners = new LineListeners(null, false);
    write("welcome\nPassword: ");

    List<String> past = listeners.add(new LineWaiter(l -> false, terminal(null)), memory, false);

    assertThat(past).containsExactly("welcome");
  }

  @Test
  void theSplitterPeeksAtTheUnfinishedLineWithoutTakingIt() {
    LineSplitter splitter = new LineSplitter();
    List<String> lines = new ArrayList<>();

    splitter.feed(bytes(">>> 6 * 7\r"), 0, 10, lines);
    assertThat(splitter.peek()).isEqualTo(">>> 6 * 7");
    splitter.feed(bytes("\n42\r\n"), 0, 5, lines);

    assertThat(lines).containsExactly(">>> 6 * 7", "42");
    assertThat(splitter.peek()).isNull();
  }

  @Test
  void textReadsCrLfAsALineEndAndBytesStayRaw() {
    OutputCapture stream = terminal(null);
    stream.startPump(new ByteArrayInputStream(bytes("one\r\ntwo\r\nthree")), "t", true);
    assertThat(stream.awaitEnd(WAIT)).isTrue();

    assertThat(stream.text()).isEqualTo("one\ntwo\nthree");
    assertThat(stream.lines()).containsExactly("one", "two", "three");
    assertThat(new String(stream.bytes(), StandardCharsets.UTF_8)).isEqualTo("one\r\ntwo\r\nthree");
  }

  @Test
  void aPromptThatArrivesLaterCompletesAWaiterAndTheCallbackGetsCompleteLinesOnly()
      throws IOException {
    List<String> callback = new CopyOnWriteArrayList<>();
    OutputCapture stream = terminal(callback);
    PipedOutputStream terminal = new PipedOutputStream();
    stream.startPump(new PipedInputStream(terminal), "t", true);
    LineWaiter prompt = stream.register(l -> l.endsWith("name? "));

    terminal.write(bytes("hello\r\nname? "));
    terminal.flush();

    assertThat(
            prompt.match.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join())
        .isEqualTo("name? ");
    stream.unregister(prompt);
    terminal.write(bytes("bob\r\n"));
    terminal.close();
    assertThat(stream.awaitEnd(WAIT)).isTrue();
    assertThat(callback).containsExactly("hello", "name? bob");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
