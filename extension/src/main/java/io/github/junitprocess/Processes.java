package io.github.junitprocess;

/**
 * Starts processes from code. Inject it (field or parameter, no annotation) into a test whose class
 * has the extension active. Everything it starts is stopped, with its descendants, at the end of
 * the scope it was injected for (a static field: the class; an instance field or a parameter: the
 * test).
 */
public interface Processes {

  /**
   * Starts a process and waits for its readiness conditions.
   *
   * @throws ProcessStartException when it cannot be spawned
   * @throws ProcessExitedException when it exits before it is ready
   * @throws ProcessTimeoutException when it is not ready within the startup timeout (it is killed)
   */
  SpawnedProcess start(ProcessSpec spec);

  /** Starts {@code command} literally (no placeholders); see {@link #start(ProcessSpec)}. */
  SpawnedProcess start(String... command);

  /**
   * Runs a process to completion within its startup timeout. Stdin is closed at once unless the
   * spec gives a stdin file or {@link ProcessSpec#input(String) input}. The exit code is not
   * checked.
   *
   * @throws ProcessStartException when it cannot be spawned
   * @throws ProcessTimeoutException when it runs longer than the startup timeout (it is killed)
   */
  ProcessResult run(ProcessSpec spec);

  /** Runs {@code command} literally to completion; see {@link #run(ProcessSpec)}. */
  ProcessResult run(String... command);

  /** A free TCP port on 127.0.0.1, chosen by the operating system. */
  int freePort();
}
