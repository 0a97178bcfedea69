package io.github.junitprocess.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSpillTest {
  @TempDir Path dir;

  private final HeadTailBuffer memory = new HeadTailBuffer(8);

  /** What the pump does with a chunk, in its order. */
  private void pump(LogSpill log, String chunk) {
    byte[] b = chunk.getBytes(StandardCharsets.US_ASCII);
    log.append(b, b.length);
  }

  @Test
  void aStreamWithinTheLimitCostsNoFile() throws Exception {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);

    pump(log, "abcd");
    pump(log, "efgh");
    log.streamEnded();

    assertThat(log.spilling()).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theFileStartsWithMemoryBeforeMemoryDropsAByte() {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);

    pump(log, "abcdefgh");
    assertThat(log.spilling()).isFalse();
    pump(log, "i");
    pump(log, "jklmnopqrstuvwxyz");
    log.streamEnded();

    assertThat(log.spilling()).isTrue();
    assertThat(memory.truncated()).isTrue();
    assertThat(log.path()).hasContent("abcdefghijklmnopqrstuvwxyz");
  }

  @Test
  void aChunkLargerThanMemoryAtTheStartIsInTheFileWhole() {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);

    pump(log, "0123456789abcdef");
    log.streamEnded();

    assertThat(log.path()).hasContent("0123456789abcdef");
  }

  @Test
  void aReaderOfAnEndedStreamGetsTheFileFromMemory() {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);
    pump(log, "out\n");
    log.streamEnded();

    log.startForReader();
    log.startForReader();

    assertThat(log.path()).hasContent("out").isEqualTo(dir.resolve("p-1.stdout.log"));
  }

  @Test
  void aReaderOfALiveStreamGetsTheFileSoFarAndThePumpGoesOnWritingIt() {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);
    pump(log, "one\n");

    log.startForReader();
    assertThat(log.path()).hasContent("one");
    pump(log, "two\n");
    log.streamEnded();

    assertThat(log.path()).hasContent("one\ntwo");
  }

  @Test
  void whileSpillingMemoryReadsItsTailFromTheFileAndTakesItBackAtTheEnd() throws Exception {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);
    pump(log, "abcdefgh");
    pump(log, "ijklmnop");
    assertThat(log.spilling()).isTrue();
    assertThat(memory.bytes()).isEqualTo(ascii("abcdmnop"));

    Files.delete(log.path()); // the open file is still read and written
    pump(log, "qrs\n");
    assertThat(memory.bytes()).isEqualTo(ascii("abcdqrs\n"));
    assertThat(memory.endsWithNewline()).isTrue();
    assertThat(memory.tailWindow(3).bytes()).isEqualTo(ascii("rs\n"));
    log.streamEnded();

    assertThat(memory.bytes()).as("held in memory again").isEqualTo(ascii("abcdqrs\n"));
    assertThat(memory.size()).isEqualTo(20);
  }

  @Test
  void aStreamThatEndedWhileSpillingNeedsItsFileNoLonger() throws Exception {
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);
    pump(log, "0123456789abcdef");
    log.streamEnded();
    assertThat(log.path()).hasContent("0123456789abcdef");

    Files.delete(log.path());

    assertThat(memory.bytes()).isEqualTo(ascii("0123cdef"));
    assertThat(memory.truncated()).isTrue();
  }

  @Test
  void aLogFileThatCannotBeWrittenLeavesTheWholeCopyInMemory() throws Exception {
    Path full = Path.of("/dev/full"); // every write fails: no space left on device
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    Files.createSymbolicLink(dir.resolve("p-1.stdout.log"), full); // an "earlier run's" log
    LogSpill log = new LogSpill(new LogFile(dir, "p-1", "stdout"), memory);

    pump(log, "abcdefgh");
    pump(log, "ijklmnop");
    pump(log, "qrst");
    log.streamEnded();

    assertThat(log.spilling()).isTrue();
    assertThat(memory.bytes()).isEqualTo(ascii("abcdqrst"));
    assertThat(memory.size()).isEqualTo(20);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void withLogFilesDisabledNothingIsWrittenAndThePathIsRefused() {
    LogSpill log = new LogSpill(LogFile.disabled(), memory);

    pump(log, "0123456789abcdef");
    log.startForReader();
    log.streamEnded();

    assertThat(log.enabled()).isFalse();
    assertThat(log.spilling()).isFalse();
    assertThatThrownBy(log::path)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("junit.process.log.enabled=false");
  }
}
