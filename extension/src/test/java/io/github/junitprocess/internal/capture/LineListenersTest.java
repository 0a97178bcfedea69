package io.github.junitprocess.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class LineListenersTest {
  private final HeadTailBuffer memory = new HeadTailBuffer(1024);
  private final OutputCapture stream = new OutputCapture("stdout", 1024, LogFile.disabled(), null);

  private void write(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    memory.append(b, 0, b.length);
  }

  private LineWaiter waiter(String wanted) {
    return new LineWaiter(wanted::equals, stream);
  }

  @Test
  void nobodyListensAtFirstSoNothingIsSplit() {
    LineListeners listeners = new LineListeners(null);

    assertThat(listeners.splitter()).isNull();
    assertThat(listeners.finish()).isNull();
  }

  @Test
  void aLineCallbackListensFromTheStartAndAfterEveryWaiterLeft() {
    List<String> seen = new ArrayList<>();
    LineListeners listeners = new LineListeners(seen::add);
    LineSplitter splitter = listeners.splitter();
    LineWaiter w = waiter("x");

    listeners.add(w, memory, false);
    listeners.remove(w);

    assertThat(listeners.splitter()).isNotNull().isSameAs(splitter);
    listeners.dispatch(List.of("one", "two"));
    assertThat(seen).containsExactly("one", "two");
  }

  @Test
  void aWaiterGetsTheCompleteLinesInMemoryAndSplittingStopsWhenItLeaves() {
    LineListeners listeners = new LineListeners(null);
    write("one\ntwo\n");
    LineWaiter w = waiter("x");

    List<String> past = listeners.add(w, memory, false);

    assertThat(past).containsExactly("one", "two");
    assertThat(listeners.splitter()).isNotNull();
    assertThat(listeners.finish()).as("nothing pending").isNull();
    listeners.remove(w);
    assertThat(listeners.splitter()).isNull();
  }

  @Test
  void theUnfinishedLastLineInMemoryArrivesFromThePumpWhenTheRestComes() {
    LineListeners listeners = new LineListeners(null);
    write("one\ntw");

    List<String> past = listeners.add(waiter("x"), memory, false);
    List<String> lines = new ArrayList<>();
    listeners.splitter().feed("o\n".getBytes(StandardCharsets.US_ASCII), 0, 2, lines);

    assertThat(past).containsExactly("one");
    assertThat(lines).containsExactly("two");
  }

  @Test
  void theUnfinishedLastLineOfAnEndedStreamIsAPastLine() {
    LineListeners listeners = new LineListeners(null);
    write("one\ntwo");

    assertThat(listeners.add(waiter("x"), memory, true)).containsExactly("one", "two");
  }

  @Test
  void aSecondWaiterKeepsTheSplitterOfTheFirst() {
    LineListeners listeners = new LineListeners(null);
    write("one\ntw");
    LineWaiter first = waiter("x");
    listeners.add(first, memory, false);
    LineSplitter splitter = listeners.splitter();
    List<String> lines = new ArrayList<>();
    splitter.feed("o\nthr".getBytes(StandardCharsets.US_ASCII), 0, 5, lines);
    write("o\nthr");

    List<String> past = listeners.add(waiter("y"), memory, false);
    listeners.remove(first);

    assertThat(past).containsExactly("one", "two");
    assertThat(listeners.splitter()).isSameAs(splitter);
    assertThat(listeners.finish()).isEqualTo("thr");
  }

  @Test
  void dispatchedLinesReachEveryWaiterUntilItsLineCame() {
    LineListeners listeners = new LineListeners(null);
    LineWaiter a = waiter("a");
    LineWaiter b = waiter("b");
    listeners.add(a, memory, false);
    listeners.add(b, memory, false);

    listeners.dispatch(List.of("x", "a", "b", "a"));

    assertThat(a.match).isCompletedWithValue("a");
    assertThat(b.match).isCompletedWithValue("b");
  }

  @Test
  void aFailingCallbackDoesNotStopTheWaiters() {
    LineListeners listeners =
        new LineListeners(
            line -> {
              throw new IllegalStateException("faulty listener");
            });
    LineWaiter w = waiter("two");
    listeners.add(w, memory, false);

    listeners.dispatch(List.of("one", "two"));

    assertThat(w.match).isCompletedWithValue("two");
  }

  @Test
  void aFailingPredicateCompletesItsWaiterWithTheFailure() {
    LineWaiter w =
        new LineWaiter(
            line -> {
              throw new IllegalArgumentException("bad predicate");
            },
            stream);

    assertThat(w.offer("one")).as("needs no more lines").isTrue();
    assertThat(w.match).isCompletedExceptionally();
    assertThatThrownBy(w.match::join)
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("bad predicate");
  }
}
