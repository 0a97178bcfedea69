package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.ProcessTimeoutException;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Watching and debugging child processes: what a server prints, live, while the test runs; where a
 * child JVM hangs when it does not get ready; a debugger attached to a child JVM.
 *
 * <p><b>Live output.</b> {@code ProcessSpec.echo(true)}, or the setting {@code
 * junit.process.echo=all} (or a list of names), prints every line of the process on the test JVM's
 * stdout as it arrives: {@code [startup] loading configuration}, and stderr lines as {@code
 * [startup!] warning: ...}. The capture never waits for the console: a console that cannot keep up
 * loses lines from the echo (a note says how many), never from the capture or the log file.
 *
 * <p><b>Thread dumps.</b> When a child JVM is not ready by its startup timeout, it gets {@code
 * QUIT} before it is killed: the JVM prints a thread dump, which lands in its stdout log, and the
 * {@code ProcessTimeoutException} shows the main thread's stack — where it hangs.
 *
 * <p><b>A debugger.</b> Run the tests with {@code -Djunit.process.java.debug=startup} (a process or
 * pool name, or {@code *}; {@code startup:5005} for a fixed port): that child JVM starts suspended,
 * with JDWP listening on 127.0.0.1, and the test JVM prints {@code [junit-process] startup: child
 * JVM waits for a debugger on 127.0.0.1:PORT}. Attach the IDE's remote debugger to that port; the
 * startup timeout does not run for a debugged child, so it may sit at a breakpoint for as long as
 * needed.
 */
@ExtendWith(ProcessExtension.class)
class WatchingChildJvmsTest {
  @Test
  void echoShowsWhatTheServerPrintsWhileTheTestRuns(Processes processes) {
    SpawnedProcess server =
        processes.start(
            ProcessSpec.java(StartupSteps.class)
                .name("startup")
                .readyLine("READY")
                .echo(true)); // [startup] loading configuration, [startup!] warning: ...

    assertThat(server).isAlive();
    assertThat(server.stderr()).containsLine("warning: no cache configured, starting without");
  }

  @Test
  void aChildJvmThatHangsSaysWhere(Processes processes) {
    ProcessSpec withoutDatabase =
        ProcessSpec.java(StartupSteps.class, "no-database")
            .name("startup")
            .readyLine("READY")
            .startupTimeout(Duration.ofSeconds(10)); // time to reach the hang on a busy machine

    assertThatThrownBy(() -> processes.start(withoutDatabase))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessageContaining("main thread, from the thread dump taken with QUIT")
        .hasMessageContaining("at io.github.junitprocess.examples.StartupSteps.awaitDatabase")
        .hasMessageContaining("at io.github.junitprocess.examples.StartupSteps.main");
  }
}
