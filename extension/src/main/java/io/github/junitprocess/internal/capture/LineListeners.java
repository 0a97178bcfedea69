package io.github.junitprocess.internal.capture;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who listens to a stream's lines: the {@link LineWaiter}s of {@code await*} and readiness, and the
 * plan's line callback. Lines are split only while someone listens, so a child writing fast costs a
 * plain copy otherwise. A waiter that registers late first sees the lines already in memory; lines
 * completed later reach it from the pump.
 *
 * <p>On a terminal the unfinished last line (a prompt waiting for input) is offered to the waiters
 * too, each time a chunk ends in it and to a waiter that registers while it is the last line; it is
 * offered again once complete. The callback gets complete lines only.
 *
 * <p>Its {@link OutputCapture}'s lock guards the splitter and every method but {@link #dispatch},
 * which the pump calls without the lock.
 */
final class LineListeners {
  private final Consumer<String> callback;
  private final boolean offerUnfinished;
  private final List<LineWaiter> waiters = new CopyOnWriteArrayList<>();
  private LineSplitter splitter;

  /** With the plan's line callback, or {@code null} for none. */
  LineListeners(Consumer<String> callback) {
    this(callback, false);
  }

  /**
   * With the plan's line callback, or {@code null} for none; {@code offerUnfinished} for a
   * terminal, whose waiters also see the unfinished last line.
   */
  LineListeners(Consumer<String> callback, boolean offerUnfinished) {
    this.callback = callback;
    this.offerUnfinished = offerUnfinished;
    if (callback != null) {
      splitter = new LineSplitter();
    }
  }

  /** The splitter the pump feeds while someone listens; {@code null} while nobody does. */
  LineSplitter splitter() {
    return splitter;
  }

  /** At the end of the stream: its unterminated last line, or {@code null}. */
  String finish() {
    return splitter == null ? null : splitter.finish();
  }

  /**
   * Adds {@code w} and returns the lines in {@code memory} it must be offered first. Without a
   * splitter yet, one starts with the unfinished last line in memory, which then arrives from the
   * pump, unless the stream has {@code ended}.
   */
  List<String> add(LineWaiter w, HeadTailBuffer memory, boolean ended) {
    List<String> past = LineSplitter.lines(new String(memory.bytes(), StandardCharsets.UTF_8));
    boolean completePastLast = memory.kept() == 0 || memory.endsWithNewline();
    if (splitter == null) {
      splitter = new LineSplitter();
      if (!completePastLast && !past.isEmpty()) {
        byte[] last = past.get(past.size() - 1).getBytes(StandardCharsets.UTF_8);
        splitter.reset(last, 0, last.length);
      }
    }
    if (!completePastLast && !past.isEmpty() && !ended && !offerUnfinished) {
      past = past.subList(0, past.size() - 1); // the unfinished line arrives from the pump
    }
    waiters.add(w);
    return past;
  }

  /**
   * On a terminal with waiters: the unfinished line the splitter holds after a chunk, else {@code
   * null}. Under the lock, after the chunk was fed.
   */
  String unfinished() {
    return offerUnfinished && splitter != null && !waiters.isEmpty() ? splitter.peek() : null;
  }

  /** Offers the unfinished last line to the waiters; on the pump thread, without the lock. */
  void dispatchUnfinished(String line) {
    for (LineWaiter w : waiters) {
      w.offer(line);
    }
  }

  void remove(LineWaiter w) {
    waiters.remove(w);
    if (waiters.isEmpty() && callback == null) {
      splitter = null; // nobody listens: back to plain copying
    }
  }

  /**
   * Hands complete lines to every waiter and the callback; on the pump thread, without the lock.
   */
  void dispatch(List<String> lines) {
    for (String line : lines) {
      for (LineWaiter w : waiters) {
        w.offer(line);
      }
      if (callback != null) {
        try {
          callback.accept(line);
        } catch (RuntimeException e) {
          // a faulty listener must not stop the capture that keeps the child from blocking
        }
      }
    }
  }
}
