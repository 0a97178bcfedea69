package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link ProcessSpec} factory and setter refuses a bad argument at once, with the exception
 * type its Javadoc promises and a message that says which argument and why.
 */
class SpecValidationTest {
  private static final String NUL = "contains a NUL character";

  static Stream<Arguments> badArguments() {
    return Stream.of(
        bad("of()", () -> ProcessSpec.of(), IllegalArgumentException.class, "empty command"),
        bad(
            "of(List.of())",
            () -> ProcessSpec.of(List.of()),
            IllegalArgumentException.class,
            "empty command"),
        bad(
            "of(\" \")",
            () -> ProcessSpec.of(" ", "x"),
            IllegalArgumentException.class,
            "empty command"),
        bad(
            "of(null array)",
            () -> ProcessSpec.of((String[]) null),
            NullPointerException.class,
            "command"),
        bad(
            "of(null list)",
            () -> ProcessSpec.of((List<String>) null),
            NullPointerException.class,
            "command"),
        bad(
            "of(.., null)",
            () -> ProcessSpec.of("sleep", null),
            NullPointerException.class,
            "command[1] is null"),
        bad(
            "of(NUL)",
            () -> ProcessSpec.of("sle\0ep"),
            IllegalArgumentException.class,
            "command[0] " + NUL),
        bad("java(null)", () -> ProcessSpec.java(null), NullPointerException.class, "mainClass"),
        bad(
            "java(.., null)",
            () -> ProcessSpec.java(SpecValidationTest.class, (String) null),
            NullPointerException.class,
            "args[0] is null"),
        bad("args(null)", () -> spec().args((String[]) null), NullPointerException.class, "args"),
        bad(
            "args(.., null)",
            () -> spec().args("a", null),
            NullPointerException.class,
            "args[1] is null"),
        bad(
            "args(NUL)",
            () -> spec().args("a\0b"),
            IllegalArgumentException.class,
            "args[0] " + NUL),
        bad(
            "jvmArgs on a command",
            () -> spec().jvmArgs("-Xmx8m"),
            IllegalStateException.class,
            "jvmArgs only apply to ProcessSpec.java(...) specs"),
        bad(
            "jvmArgs(null)",
            () -> javaSpec().jvmArgs((String[]) null),
            NullPointerException.class,
            "jvmArgs"),
        bad(
            "jvmArgs(NUL)",
            () -> javaSpec().jvmArgs("-D\0"),
            IllegalArgumentException.class,
            "jvmArgs[0] " + NUL),
        bad(
            "env(null, v)",
            () -> spec().env(null, "v"),
            NullPointerException.class,
            "environment variable name"),
        bad(
            "env(\"\", v)",
            () -> spec().env("", "v"),
            IllegalArgumentException.class,
            "invalid environment variable name: ''"),
        bad(
            "env(\"A=B\", v)",
            () -> spec().env("A=B", "v"),
            IllegalArgumentException.class,
            "invalid environment variable name: 'A=B'"),
        bad(
            "env(NUL, v)",
            () -> spec().env("A\0", "v"),
            IllegalArgumentException.class,
            "invalid environment variable name"),
        bad(
            "env(k, null)",
            () -> spec().env("K", null),
            NullPointerException.class,
            "value of environment variable K"),
        bad(
            "env(k, NUL)",
            () -> spec().env("K", "a\0b"),
            IllegalArgumentException.class,
            "the value of environment variable K " + NUL),
        bad(
            "env(null map)",
            () -> spec().env((Map<String, String>) null),
            NullPointerException.class,
            "variables"),
        bad(
            "removeEnv(\"\")",
            () -> spec().removeEnv(""),
            IllegalArgumentException.class,
            "invalid environment variable name"),
        bad(
            "removeEnv(null)",
            () -> spec().removeEnv(null),
            NullPointerException.class,
            "environment variable name"),
        bad(
            "workingDir(null)",
            () -> spec().workingDir(null),
            NullPointerException.class,
            "workingDir"),
        bad("stdin(null)", () -> spec().stdin(null), NullPointerException.class, "stdin"),
        bad(
            "stdin after input",
            () -> spec().input("x").stdin(Path.of("f")),
            IllegalStateException.class,
            "stdin(file) and input(...) exclude each other"),
        bad(
            "input after stdin",
            () -> spec().stdin(Path.of("f")).input("x"),
            IllegalStateException.class,
            "stdin(file) and input(...) exclude each other"),
        bad(
            "input(null text)",
            () -> spec().input((String) null),
            NullPointerException.class,
            "input"),
        bad(
            "input(null bytes)",
            () -> spec().input((byte[]) null),
            NullPointerException.class,
            "input"),
        bad(
            "readyLine(null)",
            () -> spec().readyLine(null),
            NullPointerException.class,
            "readyLine"),
        bad(
            "readyLine(\"(\")",
            () -> spec().readyLine("("),
            IllegalArgumentException.class,
            "readyLine is not a valid regex"),
        bad(
            "readyPort(0)",
            () -> spec().readyPort(0),
            IllegalArgumentException.class,
            "readyPort must be 1..65535, was 0"),
        bad(
            "readyPort(-1)",
            () -> spec().readyPort(-1),
            IllegalArgumentException.class,
            "readyPort must be 1..65535, was -1"),
        bad(
            "readyPort(65536)",
            () -> spec().readyPort(65536),
            IllegalArgumentException.class,
            "readyPort must be 1..65535, was 65536"),
        bad(
            "readyCheck(null)",
            () -> spec().readyCheck(null),
            NullPointerException.class,
            "readyCheck"),
        bad(
            "startupTimeout(null)",
            () -> spec().startupTimeout(null),
            NullPointerException.class,
            "startupTimeout"),
        bad(
            "startupTimeout(0)",
            () -> spec().startupTimeout(Duration.ZERO),
            IllegalArgumentException.class,
            "startupTimeout must be positive, was PT0S"),
        bad(
            "startupTimeout(-1s)",
            () -> spec().startupTimeout(Duration.ofSeconds(-1)),
            IllegalArgumentException.class,
            "startupTimeout must be positive, was PT-1S"),
        bad(
            "stopSignal(null)",
            () -> spec().stopSignal(null),
            NullPointerException.class,
            "stopSignal"),
        bad(
            "stopTimeout(null)",
            () -> spec().stopTimeout(null),
            NullPointerException.class,
            "stopTimeout"),
        bad(
            "stopTimeout(-1ms)",
            () -> spec().stopTimeout(Duration.ofMillis(-1)),
            IllegalArgumentException.class,
            "stopTimeout must not be negative"),
        bad("name(null)", () -> spec().name(null), NullPointerException.class, "name"),
        bad(
            "name(\" \")",
            () -> spec().name(" \t"),
            IllegalArgumentException.class,
            "name must not be blank"),
        bad(
            "onStdoutLine(null)",
            () -> spec().onStdoutLine(null),
            NullPointerException.class,
            "onStdoutLine"),
        bad(
            "onStderrLine(null)",
            () -> spec().onStderrLine(null),
            NullPointerException.class,
            "onStderrLine"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArguments")
  void isRefusedAtOnceWithASpecificMessage(
      String call, ThrowingCallable bad, Class<? extends Throwable> type, String message) {
    assertThatThrownBy(bad).isExactlyInstanceOf(type).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodArguments")
  void theBoundariesAreAccepted(String call, Consumer<ProcessSpec> good) {
    ProcessSpec spec = spec();
    good.accept(spec);
    assertThat(spec.command()).containsExactly("sleep", "1");
  }

  static Stream<Arguments> goodArguments() {
    return Stream.of(
        good("readyPort(1)", s -> s.readyPort(1)),
        good("readyPort(65535)", s -> s.readyPort(65535)),
        good("stopTimeout(0)", s -> s.stopTimeout(Duration.ZERO)),
        good("startupTimeout(1ns)", s -> s.startupTimeout(Duration.ofNanos(1))),
        good("env(K, \"\")", s -> s.env("K", "")),
        good("env with unicode", s -> s.env("GRÜSSE", "ü\uD83D\uDE00")),
        good("args(\"\")", s -> s.args("")),
        good("stopSignal(KILL)", s -> s.stopSignal(Signal.KILL)),
        good("input(empty)", s -> s.input(new byte[0])),
        good("name with slashes", s -> s.name("../../etc/passwd")));
  }

  private static ProcessSpec spec() {
    return ProcessSpec.of("sleep", "1");
  }

  private static ProcessSpec javaSpec() {
    return ProcessSpec.java(SpecValidationTest.class);
  }

  private static Arguments bad(
      String call, ThrowingCallable bad, Class<? extends Throwable> type, String message) {
    return arguments(call, bad, type, message);
  }

  private static Arguments good(String call, Consumer<ProcessSpec> good) {
    return arguments(call, good);
  }
}
