package io.github.junitprocess.torture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.torture.fixtures.ForkedLauncher;
import io.github.junitprocess.torture.fixtures.IgnoredSignalsFixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test JVM started with HUP, INT and QUIT ignored (by {@code nohup}, or as a background job of a
 * script) does not pass that on: the processes it starts can be stopped with INT and signalled with
 * HUP as anywhere else.
 */
@ExtendWith({NothingLeftBehind.class, ProcessExtension.class})
class IgnoredSignalsTest {
  @Test
  void processesOfAJvmThatIgnoresSignalsGetTheirDefaultActionBack(Processes processes) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessResult jvm =
        processes.run(
            ProcessSpec.of(
                    "sh",
                    "-c",
                    "trap '' HUP INT QUIT; exec \"$@\"",
                    "sh",
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ForkedLauncher.class.getName(),
                    IgnoredSignalsFixtures.JvmIgnoringSignals.class.getName())
                .startupTimeout(Duration.ofMinutes(2)));

    assertThat(jvm.exitCode()).as(jvm.stdout() + jvm.stderr()).isZero();
    assertThat(jvm.stdout()).contains("SUMMARY succeeded=4 failed=0");
  }
}
