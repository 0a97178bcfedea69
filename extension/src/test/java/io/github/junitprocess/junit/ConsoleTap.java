package io.github.junitprocess.junit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Stands in for {@code System.out} while a test runs: keeps every line printed, lets the test await
 * one, and can hold every writer (a console that does not keep up) until released. Closing puts the
 * real {@code System.out} back.
 */
final class ConsoleTap implements AutoCloseable {
  private final PrintStream original = System.out;
  private final List<String> lines = new ArrayList<>();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final CountDownLatch released;

  private ConsoleTap(boolean stuck) {
    released = new CountDownLatch(stuck ? 1 : 0);
    System.setOut(new PrintStream(new Sink(), true, StandardCharsets.UTF_8));
  }

  /** Taps {@code System.out}. */
  static ConsoleTap tap() {
    return new ConsoleTap(false);
  }

  /** Taps {@code System.out}, and blocks everything written to it until {@link #release}. */
  static ConsoleTap stuck() {
    return new ConsoleTap(true);
  }

  /** Lets the writers held by a stuck console go on. */
  void release() {
    released.countDown();
  }

  /** The lines printed so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits for a line accepted by {@code predicate}, past or future; fails at the deadline. */
  synchronized String await(Predicate<String> predicate, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int seen = 0; ; ) {
      for (; seen < lines.size(); seen++) {
        if (predicate.test(lines.get(seen))) {
          return lines.get(seen);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no such line on System.out within " + timeout + ": " + lines);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left); // woken by every new line
    }
  }

  private synchronized void append(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        lines.add(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
        notifyAll();
      } else {
        partial.write(b[i]);
      }
    }
  }

  @Override
  public void close() {
    System.setOut(original);
    release();
  }

  private final class Sink extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      append(b, off, len);
    }
  }
}
