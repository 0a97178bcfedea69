package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Signal;
import io.github.junitprocess.SpawnedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals: a daemon that reloads its configuration on {@code SIGHUP} and dumps its status on {@code
 * SIGUSR1}. {@code signal(...)} sends to the daemon's whole process group.
 *
 * <p>The daemon is started from code, in {@code @BeforeEach}, because its command needs a path only
 * known at run time. With no {@code @SpawnProcess} in the class, {@code @ExtendWith} turns the
 * extension on.
 */
@ExtendWith(ProcessExtension.class)
class SignalsTest {
  static final String DAEMON = "src/test/resources/signals/greeter_daemon.py";
  static final Duration ANSWER = Duration.ofSeconds(30); // a deadline: returns at the answer

  @TempDir Path dir;
  Path config;
  SpawnedProcess daemon;

  @BeforeEach
  void startDaemon(Processes processes) throws IOException {
    config = Files.writeString(dir.resolve("greeter.conf"), "greeting = hello\n");
    // ready once it has said so: its handlers are in place then (an early HUP would end it)
    daemon =
        processes.start(ProcessSpec.of("python3", DAEMON, config.toString()).readyLine("^loaded "));
  }

  @Test
  void reloadsItsConfigurationOnHup() throws IOException {
    assertThat(daemon.stdout()).containsLine("loaded greeting=hello");

    Files.writeString(config, "greeting = bonjour\n");
    daemon.signal(Signal.HUP);

    assertThat(daemon).within(ANSWER).stdout().containsLine("reloaded greeting=bonjour");
    assertThat(daemon).isAlive();
  }

  @Test
  void dumpsItsStatusOnUsr1() {
    daemon.signal(Signal.HUP);
    daemon.stdout().awaitLine("^reloaded ", ANSWER);

    daemon.signal(Signal.USR1);

    String status = daemon.stderr().awaitLine("^status: ", ANSWER);
    assertThat(status).isEqualTo("status: reloads=1 greeting=hello");
  }
}
