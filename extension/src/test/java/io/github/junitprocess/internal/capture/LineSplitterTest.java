package io.github.junitprocess.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final LineSplitter splitter = new LineSplitter();
  private final List<String> lines = new ArrayList<>();

  @Test
  void splitsOnNewlines() {
    feed("one\ntwo\n");

    assertThat(lines).containsExactly("one", "two");
    assertThat(splitter.finish()).isNull();
  }

  @Test
  void dropsTheCarriageReturnOfACrlf() {
    feed("one\r\ntwo\r\n");

    assertThat(lines).containsExactly("one", "two");
  }

  @Test
  void aCarriageReturnThatEndsNoLineIsKept() {
    feed("progress 10%\rprogress 20%\n");

    assertThat(lines).containsExactly("progress 10%\rprogress 20%");
  }

  @Test
  void aCrlfSplitAcrossChunksIsOneLineEnd() {
    feed("one\r");
    assertThat(lines).isEmpty();
    feed("\ntwo\n");

    assertThat(lines).containsExactly("one", "two");
  }

  @Test
  void emptyLinesAreLines() {
    feed("\n\r\n\n");

    assertThat(lines).containsExactly("", "", "");
  }

  @Test
  void aLineIsCompletedByALaterChunk() {
    feed("hel");
    assertThat(lines).isEmpty();
    feed("lo\nwor");
    assertThat(lines).containsExactly("hello");
    feed("ld\n");

    assertThat(lines).containsExactly("hello", "world");
  }

  @Test
  void aCharacterSplitAcrossChunksIsDecodedWhole() {
    byte[] text = "café ☕\n".getBytes(StandardCharsets.UTF_8);
    for (byte b : text) {
      splitter.feed(new byte[] {b}, 0, 1, lines);
    }

    assertThat(lines).containsExactly("café ☕");
  }

  @Test
  void malformedUtf8IsReplaced() {
    feed(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3, '\n', (byte) 0xed, (byte) 0xa0, '\n'});

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(lines.get(1)).as("a sequence cut by the line end").matches("\uFFFD+");
  }

  @Test
  void theTrailingLineWithoutNewlineComesAtTheEnd() {
    feed("one\ntwo");

    assertThat(lines).containsExactly("one");
    assertThat(splitter.finish()).isEqualTo("two");
    assertThat(splitter.finish()).as("taken once").isNull();
  }

  @Test
  void anEmptyStreamHasNoLastLine() {
    assertThat(splitter.finish()).isNull();
  }

  @Test
  void onlyTheGivenRangeIsRead() {
    splitter.feed("xxone\ntwo\nxx".getBytes(StandardCharsets.US_ASCII), 2, 8, lines);

    assertThat(lines).containsExactly("one", "two");
    assertThat(splitter.finish()).isNull();
  }

  @Test
  void anEndlessLineKeepsItsStartAndTheNextLineIsWhole() {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'y');
    for (int i = 0; i < 5; i++) {
      splitter.feed(chunk, 0, chunk.length, lines);
    }
    feed("\nnext\n");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).hasSize(LineSplitter.MAX_LINE).matches("y+");
    assertThat(lines.get(1)).isEqualTo("next");
  }

  @Test
  void resetStartsTheCurrentLineOver() {
    feed("lost");
    byte[] pending = "--pend".getBytes(StandardCharsets.US_ASCII);

    splitter.reset(pending, 2, 4);
    feed("ing\n");

    assertThat(lines).containsExactly("pending");
  }

  @Test
  void linesOfCompleteTextSplitTheSameWay() {
    assertThat(LineSplitter.lines("")).isEmpty();
    assertThat(LineSplitter.lines("one")).containsExactly("one");
    assertThat(LineSplitter.lines("one\n")).containsExactly("one");
    assertThat(LineSplitter.lines("one\r\ntwo")).containsExactly("one", "two");
    assertThat(LineSplitter.lines("one\n\n")).containsExactly("one", "");
    assertThat(LineSplitter.lines("\n")).containsExactly("");
    assertThat(LineSplitter.lines("a\rb\n")).containsExactly("a\rb");
  }

  @Test
  void feedingInRandomChunksGivesTheLinesOfTheWholeText() {
    byte[][] pieces = {
      bytes("a"),
      bytes("é"),
      bytes("☕"),
      bytes("\n"),
      bytes("\r\n"),
      bytes("\r"),
      {(byte) 0xff},
      {(byte) 0xc3},
      {(byte) 0xe2, (byte) 0x98}
    };
    Random random = new Random(7);
    for (int run = 0; run < 500; run++) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        all.writeBytes(pieces[random.nextInt(pieces.length)]);
      }
      all.writeBytes(random.nextBoolean() ? bytes("\n") : bytes("end")); // no \r at the very end
      byte[] text = all.toByteArray();
      LineSplitter fresh = new LineSplitter();
      List<String> got = new ArrayList<>();

      for (int off = 0; off < text.length; ) {
        int len = Math.min(text.length - off, random.nextInt(8));
        fresh.feed(text, off, len, got);
        off += len;
      }
      String last = fresh.finish();
      if (last != null) {
        got.add(last);
      }

      assertThat(got).isEqualTo(LineSplitter.lines(new String(text, StandardCharsets.UTF_8)));
    }
  }

  private void feed(String text) {
    feed(bytes(text));
  }

  private void feed(byte[] bytes) {
    splitter.feed(bytes, 0, bytes.length, lines);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
