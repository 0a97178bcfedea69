package io.github.junitprocess.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input for the placeholder parser: every string either passes the check and then expands
 * without error, or is refused with a {@link Placeholders.PlaceholderException} (an {@link
 * IllegalArgumentException}) whose message quotes the placeholder; never another exception, never a
 * hang, and text without placeholders comes back unchanged.
 */
class PlaceholdersFuzzTest {
  private static final Duration BUDGET = Duration.ofSeconds(20);

  /** Fixed values, so an expansion can be compared with what it should be. */
  private static final Placeholders.Values VALUES =
      new Placeholders.Values() {
        @Override
        public String port() {
          return "1111";
        }

        @Override
        public String namedPort(String name) {
          return "2222";
        }

        @Override
        public String tempDir() {
          return "/tmp/t";
        }

        @Override
        public String namedTempDir(String name) {
          return "/tmp/t-" + name;
        }

        @Override
        public String java() {
          return "/java";
        }

        @Override
        public String classpath() {
          return "cp";
        }

        @Override
        public String env(String name) {
          return System.getenv(name);
        }

        @Override
        public String sys(String name) {
          return System.getProperty(name);
        }
      };

  static Stream<String> hostileInputs() {
    return Stream.of(
        "",
        "$",
        "$$",
        "${",
        "}",
        "${}",
        "$${",
        "$${}",
        "$$${port}",
        "$$$${port}",
        "${port",
        "${port}}",
        "${{port}}",
        "${${port}}",
        "${port}${",
        "}{$",
        "${ port }",
        "${PORT}",
        "${port.}",
        "${port.a.b}",
        "${port.a b}",
        "${port.a}b}",
        "${port.ü}",
        "${env.}",
        "${env.=}",
        "${env.PATH}",
        "${env.PATH",
        "${env.JUNIT_PROCESS_SURELY_UNSET}",
        "${sys.}",
        "${sys.java.home}",
        "${sys.junit.process.surely.unset}",
        "${tempDir}${tempDir}",
        "${java} -cp ${classpath}",
        "\u0000${port}\u0000",
        "${port\u0000}",
        "\uD800${port}\uDFFF",
        "${" + "a".repeat(100_000) + "}",
        "${".repeat(100_000),
        "$${".repeat(100_000),
        "$".repeat(100_000) + "{port}",
        "${port}".repeat(10_000));
  }

  @ParameterizedTest
  @MethodSource("hostileInputs")
  void aHostileStringExpandsOrIsRefusedWithAUsefulMessage(String input) {
    assertTimeoutPreemptively(BUDGET, () -> check(input));
  }

  @Test
  void randomStrings() {
    List<String> inputs = randomInputs("${}.$port.envsysPATHjavaclasspathtempDir_-x ", 50_000);
    assertTimeoutPreemptively(BUDGET, () -> inputs.forEach(PlaceholdersFuzzTest::check));
  }

  @Test
  void expansionMatchesTheRules() {
    assertThat(Placeholders.expand("a${port}b${port.x}c${tempDir}", VALUES))
        .isEqualTo("a1111b2222c/tmp/t");
    assertThat(Placeholders.expand("sh -c 'echo $${HOME}'", VALUES))
        .isEqualTo("sh -c 'echo ${HOME}'");
    assertThat(Placeholders.expand("$$${port}", VALUES)).isEqualTo("$${port}");
  }

  private static void check(String input) {
    try {
      Placeholders.check(input);
    } catch (Placeholders.PlaceholderException e) {
      assertThat(e.getMessage()).as(shown(input)).contains("placeholder");
      return;
    }
    String expanded = Placeholders.expand(input, VALUES);
    if (input.indexOf('$') < 0) {
      assertThat(expanded).isSameAs(input);
    }
  }

  private static String shown(String input) {
    return input.length() > 80 ? input.substring(0, 80) + "..." : input;
  }

  private static List<String> randomInputs(String alphabet, int count) {
    Random random = new Random(20261125L);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        if (random.nextInt(6) == 0) {
          sb.append(random.nextBoolean() ? "${" : "$${");
        } else {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
