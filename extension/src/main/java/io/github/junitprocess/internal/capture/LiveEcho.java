package io.github.junitprocess.internal.capture;

import io.github.junitprocess.internal.support.DaemonThreads;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * <p>The printer is owned by the JVM: one daemon thread made on demand, ended after 30 s idle.
 * {@code System.out} is read for every line, so a test that redirects it gets the lines.
 */
public final class LiveEcho {
  /** Lines waiting for the printer; beyond that the echo drops lines rather than wait. */
  static final int QUEUE_LINES = 16 * 1024;

  private static final ThreadPoolExecutor PRINTER =
      DaemonThreads.bounded("echo", 1, 30, new ArrayBlockingQueue<>(QUEUE_LINES));

  /** Echoes with lines dropped since their last note, in order of their first drop. */
  private static final Queue<Sink> DROPPED = new ConcurrentLinkedQueue<>();

  static {
    PRINTER.setRejectedExecutionHandler((line, executor) -> ((Line) line).sink.dropped());
  }

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
      PRINTER.execute(new Line(this, line));
    }

    void dropped() {
      if (dropped.getAndIncrement() == 0) {
        DROPPED.add(this);
      }
    }
  }

  /** One line to print, a task of the printer. */
  private static final class Line implements Runnable {
    final Sink sink;
    private final String text;

    Line(Sink sink, String text) {
      this.sink = sink;
      this.text = text;
    }

    @Override
    public void run() {
      System.out.println(sink.prefix + text);
      if (PRINTER.getQueue().isEmpty()) {
        reportDrops(); // caught up: the drops happened while the queue was full, before now
      }
    }
  }

  private static void reportDrops() {
    Sink sink;
    while ((sink = DROPPED.poll()) != null) {
      long n = sink.dropped.getAndSet(0);
      if (n > 0) {
        System.out.println(
            "[junit-process] echo dropped "
                + n
                + (n == 1 ? " line" : " lines")
                + " of "
                + sink.name
                + (sink.prefix.endsWith("!] ") ? " (stderr)" : "")
                + ": the console did not keep up; the process's log file has every line");
      }
    }
  }
}
