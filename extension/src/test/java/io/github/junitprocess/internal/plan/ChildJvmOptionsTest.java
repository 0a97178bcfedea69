package io.github.junitprocess.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a child JVM inherits, as a function of the test JVM's input arguments: a fake JaCoCo agent
 * cannot be put into the running JVM, so detection is tested on argument lists (the real round trip
 * runs in the examples module, under JaCoCo).
 */
class ChildJvmOptionsTest {
  private static final Path CWD = Path.of("/work/project/module");
  private static final String JAR =
      "/home/me/.m2/repository/org/jacoco/org.jacoco.agent/0.8.15/org.jacoco.agent-0.8.15-runtime.jar";

  private static Optional<String> agent(String... inputArguments) {
    return ChildJvm.jacocoAgent(List.of(inputArguments), CWD);
  }

  @Test
  void theAgentOfPrepareAgentIsForwardedWithItsOptionsAndAppendForced() {
    assertThat(
            agent(
                "-Xmx512m",
                "-javaagent:" + JAR + "=destfile=/work/project/module/target/jacoco.exec",
                "-Dfile.encoding=UTF-8"))
        .contains(
            "-javaagent:" + JAR + "=destfile=/work/project/module/target/jacoco.exec,append=true");
  }

  @Test
  void relativePathsAreResolvedAgainstTheTestJvmsWorkingDirectory() {
    assertThat(
            agent(
                "-javaagent:lib/jacocoagent.jar=destfile=target/it.exec,append=false,"
                    + "includes=com.example.*"))
        .contains(
            "-javaagent:/work/project/module/lib/jacocoagent.jar=destfile="
                + "/work/project/module/target/it.exec,append=true,includes=com.example.*");
  }

  @Test
  void withoutOptionsTheDefaultExecFileOfTheTestJvmIsNamed() {
    assertThat(agent("-javaagent:/opt/jacoco/lib/jacocoagent.jar"))
        .contains(
            "-javaagent:/opt/jacoco/lib/jacocoagent.jar=destfile=/work/project/module/jacoco.exec,"
                + "append=true");
  }

  @Test
  void otherAgentsAndOutputsThatCannotBeSharedAreNotForwarded() {
    assertThat(agent("-javaagent:/opt/byte-buddy-agent.jar", "-ea")).isEmpty();
    assertThat(agent("-javaagent:" + JAR + "=output=tcpserver,port=6300")).isEmpty();
    assertThat(agent("-javaagent:" + JAR + "=output=none")).isEmpty();
    assertThat(agent("-javaagent:" + JAR + "=output=tcpclient,address=ci,port=6300"))
        .contains("-javaagent:" + JAR + "=output=tcpclient,address=ci,port=6300");
    assertThat(agent()).isEmpty();
  }

  @Test
  void aChildWithItsOwnJacocoAgentGetsNoSecond() {
    List<String> testJvm = List.of("-javaagent:" + JAR + "=destfile=/tmp/a.exec");
    assertThat(ChildJvm.inherited(Object.class, List.of(), true, testJvm))
        .anyMatch(a -> a.startsWith("-javaagent:" + JAR));
    assertThat(
            ChildJvm.inherited(
                Object.class,
                List.of("-javaagent:/x/jacocoagent.jar=destfile=b.exec"),
                true,
                testJvm))
        .noneMatch(a -> a.startsWith("-javaagent"));
    assertThat(ChildJvm.inherited(Object.class, List.of(), false, testJvm))
        .noneMatch(a -> a.startsWith("-javaagent"));
  }

  @Test
  void theDebugAgentListensOnLoopbackAndWaits() {
    assertThat(ChildJvm.debugAgent(5005))
        .isEqualTo("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:5005");
  }

  @Test
  void selectionsByNameByPoolAndAll() {
    ProcessSelection some = ProcessSelection.parse("k", "api:5005, db", true);
    assertThat(some.selects("api")).isTrue();
    assertThat(some.port("api")).hasValue(5005);
    assertThat(some.selects("db")).isTrue();
    assertThat(some.port("db")).isEmpty();
    assertThat(some.selects("db-2")).as("a worker of the pool db").isTrue();
    assertThat(some.selects("db-again")).isFalse();
    assertThat(some.selects("web")).isFalse();

    ProcessSelection all = ProcessSelection.parse("k", "*", true);
    assertThat(all.selects("anything")).isTrue();
    assertThat(all.port("anything")).isEmpty();
    assertThat(ProcessSelection.parse("k", "", true).selects("x")).isFalse();

    assertThatThrownBy(() -> ProcessSelection.parse("junit.process.java.debug", "api:0", true))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("the port of 'api:0' must be 1..65535");
    assertThatThrownBy(() -> ProcessSelection.parse("junit.process.echo", "a,,b", false))
        .hasMessageContaining("has an empty name");
  }

  @Test
  void echoSettings() {
    assertThat(ProcessConfig.from(k -> Optional.empty()).echo().selects("x")).isFalse();
    assertThat(config(ProcessConfig.ECHO, "all").echo().selects("x")).isTrue();
    assertThat(config(ProcessConfig.ECHO, "ALL").echo().selects("x")).isTrue();
    assertThat(config(ProcessConfig.ECHO, "off").echo().selects("x")).isFalse();
    assertThat(config(ProcessConfig.ECHO, "api,db").echo().selects("db")).isTrue();
    assertThat(config(ProcessConfig.ECHO, "api,db").echo().selects("web")).isFalse();
    assertThat(config(ProcessConfig.JAVA_COVERAGE, "off").javaCoverage()).isFalse();
    assertThat(config(ProcessConfig.JAVA_COVERAGE, "AUTO").javaCoverage()).isTrue();
  }

  private static ProcessConfig config(String key, String value) {
    return ProcessConfig.from(k -> k.equals(key) ? Optional.of(value) : Optional.empty());
  }
}
