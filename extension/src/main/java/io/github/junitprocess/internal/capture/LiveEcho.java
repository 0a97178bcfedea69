package io.github.junitprocess.internal.capture;

import io.github.junitprocess.internal.support.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Prints the output of echoed processes on the test JVM's stdout as it arrives ({@code
 * junit.process.echo}, {@code ProcessSpec.echo}), each line as {@code [name] line}, or {@code
 * [name!] line} for stderr.
 *
 * <p>The capture thread never writes to the console, nor decodes or splits anything for it: a slow
 * console (a terminal, an IDE, Surefire forwarding stdout to Maven) would otherwise slow the
 * capture, and through the pipe the child itself. The pump hands each chunk it read, as bytes, to
 * one printer thread, which puts the prefixes in and writes the bytes as they are. When more than
 * {@link #QUEUE_BYTES} wait, a chunk is dropped from the echo only (the capture and the log file
 * keep it), and once the printer has caught up it prints {@code [junit-process] echo dropped N
 * lines of name}.
 *
 * <p>The printer is owned by the JVM: one daemon thread made on demand, which prints what is queued
 * in batches (one write for many chunks) and ends after 30 s idle. {@code System.out} is read for
 * every batch, so a test that redirects it gets the lines. A line another stream interrupts (an
 * unfinished line of stdout when stderr writes) is ended there and continued under a new prefix.
 */
public final class LiveEcho {
  /** Bytes waiting for the printer; beyond that the echo drops output rather than wait. */
  static final long QUEUE_BYTES = 1024 * 1024;

  /** Chunks printed with one write. */
  private static final int BATCH_CHUNKS = 256;

  private static final long IDLE_SECONDS = 30;

  private static final byte[] EOL = {'\n'};

  private static final BlockingQueue<Chunk> QUEUE = new LinkedBlockingQueue<>();

  /** The bytes in {@link #QUEUE}. */
  private static final AtomicLong QUEUED = new AtomicLong();

  /** Whether the printer thread runs (or is being started). */
  private static final AtomicBoolean PRINTING = new AtomicBoolean();

  private static final ThreadFactory PRINTER = DaemonThreads.named("echo");

  /** Echoes with output dropped since their last note, in order of their first drop. */
  private static final Queue<Echo> DROPPED = new ConcurrentLinkedQueue<>();

  /** The printer's: the echo whose line it printed last without ending it, or null. */
  private static Echo midLine;

  private LiveEcho() {}

  /** The echo of one stream of the process {@code name}. */
  public static Echo of(String name, boolean stderr) {
    return new Echo(name, "[" + name + (stderr ? "!" : "") + "] ", stderr);
  }

  /**
   * The echo of one stream: {@link #chunk} and {@link #end} from its pump, or whole lines through
   * {@link #accept(String)}; each call only queues.
   */
  public static final class Echo implements Consumer<String> {
    private final String name;
    private final byte[] prefix;
    private final boolean stderr;
    private final AtomicLong dropped = new AtomicLong();

    /** The printer's: whether what it prints next for this stream begins a line. */
    private boolean atLineStart = true;

    Echo(String name, String prefix, boolean stderr) {
      this.name = name;
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.stderr = stderr;
    }

    /** Queues a copy of {@code len} bytes the stream carried. */
    public void chunk(byte[] buf, int off, int len) {
      if (len <= 0) {
        return;
      }
      if (QUEUED.addAndGet(len) > QUEUE_BYTES) {
        QUEUED.addAndGet(-len);
        if (dropped.getAndAdd(Math.max(1, newlines(buf, off, len))) == 0) {
          DROPPED.add(this);
        }
        return;
      }
      byte[] copy = new byte[len];
      System.arraycopy(buf, off, copy, 0, len);
      queue(new Chunk(this, copy));
    }

    /** The stream has ended: an unfinished last line is ended. */
    public void end() {
      queue(new Chunk(this, null));
    }

    /** Queues one whole line. */
    @Override
    public void accept(String line) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      chunk(bytes, 0, bytes.length);
    }
  }

  private static int newlines(byte[] buf, int off, int len) {
    int n = 0;
    for (int i = off; i < off + len; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Bytes of one stream, or its end ({@code bytes} null). */
  private record Chunk(Echo echo, byte[] bytes) {}

  private static void queue(Chunk chunk) {
    QUEUE.add(chunk);
    if (!PRINTING.get() && PRINTING.compareAndSet(false, true)) {
      PRINTER.newThread(LiveEcho::print).start();
    }
  }

  /** The printer thread: prints what is queued, in batches, until idle for a while. */
  private static void print() {
    List<Chunk> batch = new ArrayList<>(BATCH_CHUNKS);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    while (true) {
      Chunk first;
      try {
        first = QUEUE.poll(IDLE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        first = null; // only at JVM shutdown
      }
      if (first == null) {
        PRINTING.set(false);
        // a chunk queued just now, seeing the printer still running, started none: take it on
        if (QUEUE.isEmpty() || !PRINTING.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      batch.add(first);
      QUEUE.drainTo(batch, BATCH_CHUNKS - 1);
      for (Chunk chunk : batch) {
        render(chunk, out);
      }
      batch.clear();
      if (QUEUE.isEmpty()) {
        noteDrops(out); // caught up: the drops happened while the queue was full, before now
      }
      System.out.write(out.toByteArray(), 0, out.size()); // PrintStream reports no failure
      System.out.flush();
      out.reset();
    }
  }

  /** Appends {@code chunk} to {@code out}, a prefix at each line's start. */
  private static void render(Chunk chunk, ByteArrayOutputStream out) {
    Echo echo = chunk.echo;
    byte[] b = chunk.bytes;
    if (b == null) {
      endLine(echo, out); // its own line only: the other streams' lines may go on
      return;
    }
    if (midLine != null && midLine != echo) {
      endLine(midLine, out); // another stream's line was unfinished: end it here
    }
    QUEUED.addAndGet(-b.length);
    int i = 0;
    while (i < b.length) {
      if (echo.atLineStart) {
        out.write(echo.prefix, 0, echo.prefix.length);
        echo.atLineStart = false;
      }
      int nl = i;
      while (nl < b.length && b[nl] != '\n') {
        nl++;
      }
      if (nl == b.length) {
        out.write(b, i, b.length - i);
        break;
      }
      out.write(b, i, nl + 1 - i);
      echo.atLineStart = true;
      i = nl + 1;
    }
    midLine = echo.atLineStart ? null : echo;
  }

  private static void endLine(Echo echo, ByteArrayOutputStream out) {
    if (!echo.atLineStart) {
      out.write(EOL, 0, EOL.length);
      echo.atLineStart = true;
    }
    if (midLine == echo) {
      midLine = null;
    }
  }

  private static void noteDrops(ByteArrayOutputStream out) {
    Echo echo;
    while ((echo = DROPPED.poll()) != null) {
      long n = echo.dropped.getAndSet(0);
      if (n > 0) {
        if (midLine != null) {
          endLine(midLine, out);
        }
        String note =
            "[junit-process] echo dropped "
                + n
                + (n == 1 ? " line" : " lines")
                + " of "
                + echo.name
                + (echo.stderr ? " (stderr)" : "")
                + ": the console did not keep up; the process's log file has every line\n";
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
  }
}
