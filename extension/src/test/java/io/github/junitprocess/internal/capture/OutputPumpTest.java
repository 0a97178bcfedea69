package io.github.junitprocess.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPumpTest {
  private static final long WAIT_SECONDS = 30;

  @TempDir Path dir;

  private final Object lock = new Object();
  private final HeadTailBuffer memory = new HeadTailBuffer(16);
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private LogSpill log;
  private LineListeners listeners;

  private void pump(InputStream in, LogFile file, Consumer<String> callback) {
    log = new LogSpill(file, memory);
    listeners = new LineListeners(callback);
    new OutputPump(lock, log, listeners, ended, null, true).start(in, "pump-under-test");
  }

  private void awaitEnd() throws Exception {
    ended.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void copiesTheStreamIntoMemoryAndTheLogFileAndEnds() throws Exception {
    byte[] data = "0123456789\nabcdefghij\nklmnopqrst\n".getBytes(StandardCharsets.US_ASCII);

    pump(new ByteArrayInputStream(data), new LogFile(dir, "p-1", "stdout"), null);
    awaitEnd();

    synchronized (lock) {
      assertThat(memory.size()).isEqualTo(data.length);
      assertThat(memory.truncated()).isTrue();
      assertThat(new String(memory.bytes(), StandardCharsets.US_ASCII))
          .isEqualTo("01234567" + "nopqrst\n");
    }
    assertThat(log.path()).hasBinaryContent(data);
  }

  @Test
  void everyLineReachesTheCallbackOnThePumpThreadTheLastOneWithoutNewline() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    Consumer<String> callback =
        line -> {
          lines.add(line);
          threads.add(Thread.currentThread().getName());
        };

    pump(bytes("one\r\ntwo\nthree"), LogFile.disabled(), callback);
    awaitEnd();

    assertThat(lines).containsExactly("one", "two", "three");
    assertThat(threads).containsOnly("pump-under-test");
  }

  @Test
  void aWaiterRegisteredBeforeTheLineGetsItFromThePump() throws Exception {
    PipedOutputStream child = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(child);
    pump(in, LogFile.disabled(), null);
    LineWaiter w = new LineWaiter(line -> line.startsWith("ready"), null);
    synchronized (lock) {
      assertThat(listeners.add(w, memory, ended.isDone())).isEmpty();
    }

    child.write("starting\nready on 8080\n".getBytes(StandardCharsets.US_ASCII));
    child.flush();

    assertThat(w.match.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("ready on 8080");
    assertThat(ended).isNotDone();
    child.close();
    awaitEnd();
  }

  @Test
  void aFailingReadEndsTheStreamWithWhatWasReadBefore() throws Exception {
    InputStream broken =
        new InputStream() {
          private boolean once;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (once) {
              throw new IOException("Stream closed");
            }
            once = true;
            b[off] = 'x';
            return 1;
          }
        };
    List<String> lines = new CopyOnWriteArrayList<>();

    pump(broken, LogFile.disabled(), lines::add);
    awaitEnd();

    assertThat(lines).containsExactly("x");
    synchronized (lock) {
      assertThat(memory.bytes()).isEqualTo(new byte[] {'x'});
    }
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
