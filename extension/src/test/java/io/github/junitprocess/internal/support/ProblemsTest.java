package io.github.junitprocess.internal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void nothingIsThrownWithoutAProblem() {
    Problems problems = new Problems();

    assertThat(problems.isEmpty()).isTrue();
    assertThatCode(() -> problems.throwIfAny(IllegalStateException::new))
        .doesNotThrowAnyException();
  }

  @Test
  void theFirstProblemIsThrownWithTheOthersSuppressed() {
    Problems problems = new Problems();
    IOException io = new IOException("second");
    IllegalStateException first = new IllegalStateException("first");
    problems.add(io);
    problems.addFirst(first);
    problems.add(new IllegalArgumentException("third"));

    Throwable thrown = catchThrowable(() -> problems.throwIfAny(t -> (RuntimeException) t));

    assertThat(thrown).isSameAs(first);
    assertThat(thrown.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly("second", "third");
  }

  @Test
  void aWrappedFirstProblemIsTheCauseAndNotAlsoSuppressed() {
    IOException first = new IOException("first");
    IOException second = new IOException("second");

    RuntimeException e =
        Problems.aggregate(List.of(first, second), t -> new RuntimeException("closing failed", t));

    assertThat(e).hasMessage("closing failed").hasCause(first);
    assertThat(e.getSuppressed()).containsExactly(second);
  }

  @Test
  void aRetoldFailureKeepsTheOriginalsStackAndSuppressedProblems() {
    IllegalStateException original = new IllegalStateException("db failed");
    original.addSuppressed(new IOException("while closing"));

    IllegalStateException retold =
        Problems.retold(original, new IllegalStateException("db failed; api not started"));

    assertThat(retold).hasMessage("db failed; api not started");
    assertThat(retold.getStackTrace()).isEqualTo(original.getStackTrace());
    assertThat(retold.getSuppressed()).containsExactly(original.getSuppressed());
  }
}
