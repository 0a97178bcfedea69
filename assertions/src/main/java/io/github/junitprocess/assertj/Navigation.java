package io.github.junitprocess.assertj;

import io.github.junitprocess.Output;
import io.github.junitprocess.ProcessResult;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StringAssert;
import org.assertj.core.description.Description;

/**
 * Creates the assertion objects that navigation methods ({@code stdout()}, {@code exitsWithin()},
 * ...) return, and decides what happens to a failure inside one.
 *
 * <p>AssertJ's soft proxies only know their own navigation methods; ours would otherwise hand back
 * plain assertions that throw. A soft parent therefore creates soft children through its {@link
 * SoftAssertionsProvider}, and collects a failure of the navigation itself instead of throwing it.
 */
final class Navigation {
  /** Navigation of an assertion that throws at the first failure. */
  static final Navigation HARD = new Navigation(null);

  private final SoftAssertionsProvider softly;

  private Navigation(SoftAssertionsProvider softly) {
    this.softly = softly;
  }

  /** Navigation of an assertion whose failures {@code softly} collects. */
  static Navigation soft(SoftAssertionsProvider softly) {
    return new Navigation(softly);
  }

  /** Throws {@code error}, or collects it when soft so that navigation can go on. */
  void failed(AssertionError error) {
    if (softly == null) {
      throw error;
    }
    softly.collectAssertionError(error);
  }

  AbstractStringAssert<?> text(String actual, Supplier<String> description) {
    StringAssert next =
        softly == null
            ? new StringAssert(actual)
            : softly.proxy(StringAssert.class, String.class, actual);
    return next.as(description);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  ListAssert<String> lines(List<String> actual, Supplier<String> description) {
    ListAssert<String> next =
        softly == null
            ? new ListAssert<>(actual)
            : (ListAssert<String>) softly.proxy((Class) ListAssert.class, List.class, actual);
    return next.as(description);
  }

  ProcessResultAssert result(ProcessResult actual, Description inherited) {
    ProcessResultAssert next =
        softly == null
            ? new ProcessResultAssert(actual)
            : softly.proxy(ProcessResultAssert.class, ProcessResult.class, actual);
    return inherit(next.navigatingWith(this), inherited);
  }

  OutputAssert output(Output actual, Description inherited) {
    OutputAssert next =
        softly == null
            ? new OutputAssert(actual)
            : softly.proxy(OutputAssert.class, Output.class, actual);
    return inherit(next.navigatingWith(this), inherited);
  }

  /** Keeps a description the user gave the parent ({@code as(...)}) on the child. */
  private static <A extends AbstractAssert<A, ?>> A inherit(A next, Description inherited) {
    return inherited == null || inherited.value() == null || inherited.value().isEmpty()
        ? next
        : next.as(inherited);
  }
}
