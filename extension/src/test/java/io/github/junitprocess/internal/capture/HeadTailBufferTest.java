package io.github.junitprocess.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadTailBufferTest {

  @Test
  void anEmptyBufferHoldsNothing() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);

    assertThat(buffer.size()).isZero();
    assertThat(buffer.kept()).isZero();
    assertThat(buffer.headLength()).isZero();
    assertThat(buffer.truncated()).isFalse();
    assertThat(buffer.bytes()).isEmpty();
    assertThat(buffer.endsWithNewline()).isFalse();
    assertThat(buffer.tailWindow(4).bytes()).isEmpty();
    assertThat(buffer.tailWindow(4).cut()).isFalse();
    assertThat(buffer.tailWindow(4).lastLines(3)).isEmpty();
  }

  @Test
  void aStreamWithinTheLimitIsKeptWhole() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);

    buffer.append(ascii("abc"), 0, 3);

    assertThat(buffer.bytes()).isEqualTo(ascii("abc"));
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.headLength()).isEqualTo(3);
    assertThat(buffer.truncated()).isFalse();
  }

  @Test
  void exactlyAtTheLimitNothingIsDropped() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);

    buffer.append(ascii("abcdefgh"), 0, 8);

    assertThat(buffer.bytes()).isEqualTo(ascii("abcdefgh"));
    assertThat(buffer.size()).isEqualTo(8);
    assertThat(buffer.kept()).isEqualTo(8);
    assertThat(buffer.headLength()).isEqualTo(4);
    assertThat(buffer.truncated()).isFalse();
    assertThat(buffer.wouldOverflow(0)).isFalse();
    assertThat(buffer.wouldOverflow(1)).isTrue();
  }

  @Test
  void oneByteOverTheLimitDropsTheFirstByteOfTheTail() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);

    buffer.append(ascii("abcdefghi"), 0, 9);

    assertThat(buffer.bytes()).isEqualTo(ascii("abcdfghi"));
    assertThat(buffer.size()).isEqualTo(9);
    assertThat(buffer.kept()).isEqualTo(8);
    assertThat(buffer.truncated()).isTrue();
  }

  @Test
  void oneByteOverTheLimitInTwoWrites() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);

    buffer.append(ascii("abcdefgh"), 0, 8);
    assertThat(buffer.wouldOverflow(1)).isTrue();
    buffer.append(ascii("i"), 0, 1);

    assertThat(buffer.bytes()).isEqualTo(ascii("abcdfghi"));
    assertThat(buffer.truncated()).isTrue();
  }

  @Test
  void aWriteLargerThanTheWholeBufferKeepsItsStartAndItsEnd() {
    byte[] huge = new byte[10_000];
    for (int i = 0; i < huge.length; i++) {
      huge[i] = (byte) i;
    }
    HeadTailBuffer buffer = new HeadTailBuffer(10);

    buffer.append(huge, 0, huge.length);

    byte[] expected = new byte[10];
    System.arraycopy(huge, 0, expected, 0, 5);
    System.arraycopy(huge, huge.length - 5, expected, 5, 5);
    assertThat(buffer.bytes()).isEqualTo(expected);
    assertThat(buffer.size()).isEqualTo(10_000);
    assertThat(buffer.truncated()).isTrue();
  }

  @Test
  void aHugeWriteAfterTheRingWrappedReplacesTheWholeTail() {
    HeadTailBuffer buffer = new HeadTailBuffer(6);
    for (String part : List.of("abcde", "f", "g")) {
      buffer.append(ascii(part), 0, part.length()); // head abc, the ring wraps at g
    }
    assertThat(buffer.bytes()).isEqualTo(ascii("abcefg"));

    buffer.append(ascii("0123456789"), 0, 10);

    assertThat(buffer.bytes()).isEqualTo(ascii("abc789"));
    assertThat(buffer.size()).isEqualTo(17);
  }

  @Test
  void aWriteThatFillsTheHeadAndOverflowsTheTailAtOnce() {
    HeadTailBuffer buffer = new HeadTailBuffer(6);
    buffer.append(ascii("a"), 0, 1);

    buffer.append(ascii("bcdefghij"), 0, 9);

    assertThat(buffer.bytes()).isEqualTo(ascii("abchij"));
    assertThat(buffer.headLength()).isEqualTo(3);
  }

  @Test
  void anOddLimitGivesTheTailTheExtraByte() {
    HeadTailBuffer buffer = new HeadTailBuffer(7);

    buffer.append(ascii("abcdefghijk"), 0, 11);

    assertThat(buffer.headLength()).isEqualTo(3);
    assertThat(buffer.bytes()).isEqualTo(ascii("abchijk"));
    assertThat(buffer.kept()).isEqualTo(7);
  }

  @Test
  void aLimitOfOneKeepsOnlyTheLastByte() {
    HeadTailBuffer buffer = new HeadTailBuffer(1);

    buffer.append(ascii("ab"), 0, 2);
    buffer.append(ascii("c"), 0, 1);

    assertThat(buffer.headLength()).isZero();
    assertThat(buffer.bytes()).isEqualTo(ascii("c"));
    assertThat(buffer.size()).isEqualTo(3);
  }

  @Test
  void manySmallWritesKeepTheFirstAndLastBytes() {
    HeadTailBuffer buffer = new HeadTailBuffer(10);
    StringBuilder all = new StringBuilder();

    for (int i = 0; i < 1000; i++) {
      byte[] one = {(byte) ('a' + i % 26)};
      buffer.append(one, 0, 1);
      all.append((char) one[0]);
    }

    String s = all.toString();
    assertThat(new String(buffer.bytes(), StandardCharsets.US_ASCII))
        .isEqualTo(s.substring(0, 5) + s.substring(s.length() - 5));
    assertThat(buffer.size()).isEqualTo(1000);
  }

  @Test
  void appendReadsOnlyTheGivenRangeOfTheArray() {
    HeadTailBuffer buffer = new HeadTailBuffer(4);
    byte[] buf = ascii("--ab--cdef--");

    buffer.append(buf, 2, 2);
    buffer.append(buf, 6, 4);

    assertThat(buffer.bytes()).isEqualTo(ascii("abef"));
    assertThat(buffer.size()).isEqualTo(6);
  }

  @Test
  void anEmptyWriteChangesNothing() {
    HeadTailBuffer buffer = new HeadTailBuffer(4);
    buffer.append(ascii("abcdef"), 0, 6);

    buffer.append(ascii("xyz"), 1, 0);

    assertThat(buffer.bytes()).isEqualTo(ascii("abef"));
    assertThat(buffer.size()).isEqualTo(6);
  }

  @Test
  void endsWithNewlineLooksAtTheLastByteHeldWhereverTheRingIs() {
    HeadTailBuffer buffer = new HeadTailBuffer(6);

    buffer.append(ascii("a\n"), 0, 2);
    assertThat(buffer.endsWithNewline()).as("in the head").isTrue();
    buffer.append(ascii("b"), 0, 1);
    assertThat(buffer.endsWithNewline()).isFalse();
    buffer.append(ascii("c\n"), 0, 2);
    assertThat(buffer.endsWithNewline()).as("in the tail, not yet full").isTrue();
    buffer.append(ascii("de\nf"), 0, 4);
    assertThat(buffer.endsWithNewline()).as("the tail replaced whole").isFalse();
    buffer.append(ascii("\n"), 0, 1);
    assertThat(buffer.endsWithNewline()).isTrue();
  }

  @Test
  void theTailWindowHoldsTheLastLinesAndLeavesOutOneItsStartCut() {
    HeadTailBuffer buffer = new HeadTailBuffer(1000);
    byte[] text = ascii("first line\nsecond\nthird\n");
    buffer.append(text, 0, text.length);

    HeadTailBuffer.TailWindow window = buffer.tailWindow(10);

    assertThat(window.bytes()).isEqualTo(ascii("ond\nthird\n"));
    assertThat(window.cut()).isTrue();
    assertThat(window.lastLines(5)).containsExactly("third");
  }

  @Test
  void aTailWindowThatHoldsEverythingCutsNothing() {
    HeadTailBuffer buffer = new HeadTailBuffer(1000);
    byte[] text = ascii("one\ntwo\nthree");
    buffer.append(text, 0, text.length);

    HeadTailBuffer.TailWindow window = buffer.tailWindow(text.length);

    assertThat(window.cut()).isFalse();
    assertThat(window.lastLines(5)).containsExactly("one", "two", "three");
    assertThat(window.lastLines(2)).containsExactly("two", "three");
    assertThat(window.lastLines(0)).isEmpty();
  }

  @Test
  void aSingleLineLongerThanTheTailWindowIsShownCutRatherThanNotAtAll() {
    HeadTailBuffer buffer = new HeadTailBuffer(1000);
    byte[] text = ascii("x".repeat(100));
    buffer.append(text, 0, text.length);

    HeadTailBuffer.TailWindow window = buffer.tailWindow(8);

    assertThat(window.cut()).isTrue();
    assertThat(window.lastLines(3)).containsExactly("xxxxxxxx");
  }

  @Test
  void theTailWindowSpansTheHeadAndTheWrappedRing() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);
    for (String part : List.of("ab\nc", "de", "fg\n", "hi", "j\n")) {
      buffer.append(ascii(part), 0, part.length()); // head "ab\nc", the ring wraps twice
    }
    assertThat(buffer.bytes()).isEqualTo(ascii("ab\nchij\n"));

    HeadTailBuffer.TailWindow window = buffer.tailWindow(6);

    assertThat(window.bytes()).isEqualTo(ascii("\nchij\n"));
    assertThat(window.lastLines(5)).containsExactly("chij");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 16, 63, 64, 1000})
  void matchesAFullCopyForRandomWrites(int limit) {
    Random random = new Random(31L * limit);
    for (int run = 0; run < 50; run++) {
      HeadTailBuffer buffer = new HeadTailBuffer(limit);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      int writes = random.nextInt(40);
      for (int w = 0; w < writes; w++) {
        int len = randomLength(random, limit);
        int off = random.nextInt(4);
        byte[] buf = new byte[off + len + random.nextInt(4)];
        for (int i = 0; i < buf.length; i++) {
          buf[i] = random.nextInt(5) == 0 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        assertThat(buffer.wouldOverflow(len)).isEqualTo(all.size() + len > limit);

        buffer.append(buf, off, len);
        all.write(buf, off, len);

        assertLikeOracle(buffer, all.toByteArray(), limit, random.nextInt(limit + 2));
        assertThat(written(buffer)).as("writeTo").isEqualTo(buffer.bytes());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 9, 16, 17, 40, 1000})
  void matchesAFullCopyWhenItKeepsThePumpsReadBuffers(int limit) {
    Random random = new Random(17L * limit);
    int bufferLength = 4; // no larger than the tail: kept whole when at least half full
    for (int run = 0; run < 50; run++) {
      HeadTailBuffer buffer = new HeadTailBuffer(limit);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[bufferLength];
      int reads = random.nextInt(60);
      for (int r = 0; r < reads; r++) {
        int len = 1 + random.nextInt(bufferLength);
        for (int i = 0; i < bufferLength; i++) {
          buf[i] = random.nextInt(5) == 0 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        byte[] read = Arrays.copyOf(buf, len);

        byte[] next = buffer.appendOwned(buf, len);
        all.write(read, 0, len);

        assertThat(Arrays.copyOf(buf, len)).as("what the pump goes on reading").isEqualTo(read);
        assertThat(next).hasSize(bufferLength);
        Arrays.fill(next, (byte) '#'); // the next read overwrites it: memory must not hold it
        buf = next;
        assertLikeOracle(buffer, all.toByteArray(), limit, random.nextInt(limit + 2));
        assertThat(written(buffer)).as("writeTo").isEqualTo(buffer.bytes());
      }
    }
  }

  @Test
  void aFullReadBufferIsKeptRatherThanCopiedOnceTheHeadIsFull() {
    HeadTailBuffer buffer = new HeadTailBuffer(16);
    byte[] first = ascii("abcdefgh");
    assertThat(buffer.appendOwned(first, 8)).as("into the head: copied").isSameAs(first);

    byte[] second = ascii("ijkl");
    byte[] next = buffer.appendOwned(second, 4);

    assertThat(next).isNotSameAs(second).hasSize(4);
    assertThat(buffer.bytes()).isEqualTo(ascii("abcdefghijkl"));
    byte[] small = ascii("m   ");
    assertThat(buffer.appendOwned(small, 1)).as("a quarter full: copied").isSameAs(small);
    assertThat(buffer.bytes()).isEqualTo(ascii("abcdefghijklm"));
  }

  @Test
  void aDroppedMarkerGoesWhereTheMiddleWasDropped() {
    HeadTailBuffer buffer = new HeadTailBuffer(6);
    buffer.append(ascii("abcdefghij"), 0, 10);

    assertThat(buffer.bytes(ascii("|"))).isEqualTo(ascii("abc|hij"));
    assertThat(buffer.headEndsInAscii()).isTrue();
    buffer = new HeadTailBuffer(4);
    buffer.append("\u00e9\u00e9".getBytes(StandardCharsets.UTF_8), 0, 4);
    assertThat(buffer.headEndsInAscii()).as("the head ends inside a character").isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 16, 64, 1000})
  void matchesAFullCopyWhileItsTailIsInTheLogFileAndAfterItTookItBack(int limit) {
    Random random = new Random(7L * limit);
    for (int run = 0; run < 50; run++) {
      HeadTailBuffer buffer = new HeadTailBuffer(limit);
      ByteArrayOutputStream all = new ByteArrayOutputStream(); // what the log file holds
      int writes = random.nextInt(40);
      int intoFile = random.nextInt(writes + 1);
      int back = intoFile + random.nextInt(writes + 1);
      for (int w = 0; w < writes; w++) {
        if (w == intoFile) {
          buffer.tailInFile(
              (at, dst, off, len) -> System.arraycopy(all.toByteArray(), (int) at, dst, off, len));
        }
        if (w == back) {
          buffer.tailToMemory();
        }
        int len = randomLength(random, limit);
        byte[] buf = new byte[len];
        for (int i = 0; i < len; i++) {
          buf[i] = random.nextInt(5) == 0 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }

        all.write(buf, 0, len); // the file first, as the spill writes it
        if (random.nextBoolean()) {
          buffer.append(buf, 0, len);
        } else {
          buffer.appendOwned(buf, len);
        }

        assertLikeOracle(buffer, all.toByteArray(), limit, random.nextInt(limit + 2));
      }
    }
  }

  @Test
  void aTailThatCannotBeReadBackIsCountedAsDropped() {
    HeadTailBuffer buffer = new HeadTailBuffer(8);
    buffer.append(ascii("abcd"), 0, 4);
    buffer.tailInFile(
        (at, dst, off, len) -> {
          throw new IOException("gone");
        });
    buffer.append(ascii("efghij"), 0, 6);

    buffer.tailToMemory();

    assertThat(buffer.bytes()).isEqualTo(ascii("abcd"));
    assertThat(buffer.size()).isEqualTo(10);
    assertThat(buffer.truncated()).isTrue();
    buffer.append(ascii("kl\n"), 0, 3);
    assertThat(buffer.bytes()).as("held in memory from then on").isEqualTo(ascii("abcdkl\n"));
  }

  private static byte[] written(HeadTailBuffer buffer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            buffer.writeTo(
                (b, off, len) -> {
                  out.write(b, off, len);
                  return true;
                }))
        .isTrue();
    return out.toByteArray();
  }

  private static int randomLength(Random random, int limit) {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextInt(3); // empty and tiny writes
      case 1:
        return random.nextInt(limit + 2); // around the limit
      case 2:
        return limit / 2 + random.nextInt(2); // around the head's size
      default:
        return random.nextInt(3 * limit + 1); // larger than the whole buffer
    }
  }

  /** What a full copy says the buffer must hold: the first half of the limit and the last. */
  private static void assertLikeOracle(HeadTailBuffer buffer, byte[] all, int limit, int window) {
    int headCap = limit / 2;
    int tailCap = limit - headCap;
    int headLen = Math.min(all.length, headCap);
    int tailStart = Math.max(headLen, all.length - tailCap);
    byte[] expected = new byte[headLen + all.length - tailStart];
    System.arraycopy(all, 0, expected, 0, headLen);
    System.arraycopy(all, tailStart, expected, headLen, all.length - tailStart);

    assertThat(buffer.bytes()).isEqualTo(expected);
    assertThat(buffer.size()).isEqualTo(all.length);
    assertThat(buffer.kept()).isEqualTo(expected.length);
    assertThat(buffer.headLength()).isEqualTo(headLen);
    assertThat(buffer.truncated()).isEqualTo(all.length > limit);
    assertThat(buffer.endsWithNewline())
        .isEqualTo(expected.length > 0 && expected[expected.length - 1] == '\n');

    HeadTailBuffer.TailWindow tail = buffer.tailWindow(window);
    int shown = Math.min(window, expected.length);
    assertThat(tail.bytes())
        .isEqualTo(Arrays.copyOfRange(expected, expected.length - shown, expected.length));
    assertThat(tail.cut()).isEqualTo(shown < expected.length);
    List<String> lines = LineSplitter.lines(new String(tail.bytes(), StandardCharsets.UTF_8));
    if (tail.cut() && lines.size() > 1) {
      lines = lines.subList(1, lines.size());
    }
    assertThat(tail.lastLines(3))
        .isEqualTo(lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
