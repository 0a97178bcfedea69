package io.github.junitprocess.internal.capture;

import io.github.junitprocess.internal.support.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Prints the lines of echoed processes on the test JVM's stdout as they arrive ({@code
 * junit.process.echo}, {@code ProcessSpec.echo}), as {@code [name] line} and {@code [name!] line}
 * for stderr.
 *
 * <p>The capture thread never writes to the console: a slow console (a terminal, an IDE, Surefire
 * forwarding stdout to Maven) would otherwise slow the capture, and through the pipe the child
 * itself. Each line is queued for one printer thread; when the queue is full the line is dropped
 * from the echo only (the capture and the log file keep it), and once the printer has caught up it
 * prints {@code [junit-process] echo dropped N lines of name}.
 *
 * <p>The printer is owned by the JVM: one daemon thread made on demand, which prints what is queued
 * in batches (one write for up to 4096 lines) and ends after 30 s idle. {@code System.out} is read
 * for every batch, so a test that redirects it gets the lines.
 */
public final class LiveEcho {
  /** Lines waiting for the printer; beyond that the echo drops lines rather than wait. */
  static final int QUEUE_LINES = 16 * 1024;

  /** Lines printed with one write: a console takes a batch for little more than one line. */
  private static final int BATCH_LINES = 4096;

  private static final long IDLE_SECONDS = 30;

  private static final BlockingQueue<Line> QUEUE = new ArrayBlockingQueue<>(QUEUE_LINES);

  /** Whether the printer thread runs (or is being started). */
  private static final AtomicBoolean PRINTING = new AtomicBoolean();

  private static final ThreadFactory PRINTER = DaemonThreads.named("echo");

  /** Echoes with lines dropped since their last note, in order of their first drop. */
  private static final Queue<Sink> DROPPED = new ConcurrentLinkedQueue<>();

  private LiveEcho() {}

  /**
   * The line callback that echoes one stream of the process {@code name}; called on its capture
   * thread, it only queues the line.
   */
  public static Consumer<String> of(String name, boolean stderr) {
    return new Sink(name, "[" + name + (stderr ? "!" : "") + "] ");
  }

  /** The echo of one stream. */
  private static final class Sink implements Consumer<String> {
    private final String name;
    private final String prefix;
    private final AtomicLong dropped = new AtomicLong();

    Sink(String name, String prefix) {
      this.name = name;
      this.prefix = prefix;
    }

    @Override
    public void accept(String line) {
      if (!QUEUE.offer(new Line(this, line)) && dropped.getAndIncrement() == 0) {
        DROPPED.add(this);
      }
      if (!PRINTING.get() && PRINTING.compareAndSet(false, true)) {
        PRINTER.newThread(LiveEcho::print).start();
      }
    }
  }

  /** One line to print. */
  private record Line(Sink sink, String text) {}

  /** The printer thread: prints what is queued, in batches, until idle for a while. */
  private static void print() {
    List<Line> batch = new ArrayList<>(BATCH_LINES);
    StringBuilder text = new StringBuilder();
    String eol = System.lineSeparator();
    while (true) {
      Line first;
      try {
        first = QUEUE.poll(IDLE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        first = null; // only at JVM shutdown
      }
      if (first == null) {
        PRINTING.set(false);
        // a line queued just now, seeing the printer still running, started none: take it on
        if (QUEUE.isEmpty() || !PRINTING.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      batch.add(first);
      QUEUE.drainTo(batch, BATCH_LINES - 1);
      for (Line line : batch) {
        text.append(line.sink.prefix).append(line.text).append(eol);
      }
      batch.clear();
      if (QUEUE.isEmpty()) {
        noteDrops(text, eol); // caught up: the drops happened while the queue was full, before now
      }
      System.out.print(text); // a PrintStream reports no failure: nothing to catch
      System.out.flush();
      text.setLength(0);
    }
  }

  private static void noteDrops(StringBuilder text, String eol) {
    Sink sink;
    while ((sink = DROPPED.poll()) != null) {
      long n = sink.dropped.getAndSet(0);
      if (n > 0) {
        text.append("[junit-process] echo dropped ")
            .append(n)
            .append(n == 1 ? " line" : " lines")
            .append(" of ")
            .append(sink.name)
            .append(sink.prefix.endsWith("!] ") ? " (stderr)" : "")
            .append(": the console did not keep up; the process's log file has every line")
            .append(eol);
      }
    }
  }
}
