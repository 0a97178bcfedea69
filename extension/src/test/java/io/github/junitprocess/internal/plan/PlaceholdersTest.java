package io.github.junitprocess.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
  private static final Placeholders.Values VALUES =
      new Placeholders.Values() {
        @Override
        public String port() {
          return "1111";
        }

        @Override
        public String namedPort(String name) {
          return name + "-port";
        }

        @Override
        public String tempDir() {
          return "/tmp/x";
        }

        @Override
        public String namedTempDir(String name) {
          return "/tmp/x-" + name;
        }

        @Override
        public String java() {
          return "/jdk/bin/java";
        }

        @Override
        public String classpath() {
          return "a.jar:b.jar";
        }

        @Override
        public String env(String name) {
          return "env-" + name;
        }

        @Override
        public String sys(String name) {
          return "sys-" + name;
        }
      };

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain | plain",
        "--port=${port} | --port=1111",
        "${port.db}:${port.web} | db-port:web-port",
        "${tempDir}/data | /tmp/x/data",
        "${java} -cp ${classpath} | /jdk/bin/java -cp a.jar:b.jar",
        "${env.HOME} ${sys.user.dir} | env-HOME sys-user.dir",
        "echo $${HOME} | echo ${HOME}",
        "$$$${x} | $$${x}",
        "cost: $5 | cost: $5"
      })
  void expands(String template, String expected) {
    Placeholders.check(template.replace("${env.HOME}", "${env.PATH}"));
    assertThat(Placeholders.expand(template, VALUES)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${prot}", "${}", "${port.}", "${port.a b}", "${PORT}"})
  void rejectsUnknownPlaceholdersNamingThem(String template) {
    assertThatThrownBy(() -> Placeholders.check(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(template.substring(0, template.indexOf('}') + 1));
  }

  @Test
  void rejectsUnclosedPlaceholders() {
    assertThatThrownBy(() -> Placeholders.check("echo ${port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed placeholder")
        .hasMessageContaining("$${");
  }
}
