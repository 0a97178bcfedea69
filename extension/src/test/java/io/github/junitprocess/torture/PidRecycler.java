package io.github.junitprocess.torture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts a process under a pid chosen by the test, by setting the kernel's last assigned pid
 * (Linux, root): the way to prove that a recycled pid is never taken for the process that had it.
 * Another process on the machine may take the pid first, so it retries a few times.
 */
public final class PidRecycler {
  private static final Path LAST_PID = Path.of("/proc/sys/kernel/ns_last_pid");
  private static final int ATTEMPTS = 50;

  private PidRecycler() {}

  /**
   * Starts {@code command} as process {@code pid}, which must be free; empty when this machine does
   * not allow it or another process kept taking the pid. Its stdout is a pipe (stderr merged).
   */
  public static Optional<Process> startAs(long pid, String... command)
      throws IOException, InterruptedException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (ProcessTable.see(pid).isPresent()) {
        return Optional.empty();
      }
      try {
        Files.writeString(LAST_PID, Long.toString(pid - 1));
      } catch (IOException | SecurityException e) {
        return Optional.empty();
      }
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (p.pid() == pid) {
        return Optional.of(p);
      }
      p.destroyForcibly();
      p.waitFor();
    }
    return Optional.empty();
  }

  /**
   * Makes the next pid wrap around to the low end (the kernel's {@code pid_max} reached); false
   * when this machine does not allow it.
   */
  public static boolean wrapAround() {
    try {
      long max = Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/pid_max")).strip());
      Files.writeString(LAST_PID, Long.toString(max - 1));
      return true;
    } catch (IOException | SecurityException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * Starts, as process {@code pid}, a {@code sleep} that leads its own session and process group
   * (so the group id of the process that had the pid exists again), and waits until it does.
   */
  public static Optional<Process> startSessionLeaderAs(long pid)
      throws IOException, InterruptedException {
    Optional<Process> p = startAs(pid, "setsid", "sh", "-c", "echo ready; exec sleep 300");
    if (p.isPresent()) {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(p.get().getInputStream(), StandardCharsets.US_ASCII));
      if (!"ready".equals(out.readLine())) {
        throw new IllegalStateException("the stranger " + pid + " did not start");
      }
    }
    return p;
  }
}
