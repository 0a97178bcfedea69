package io.github.junitprocess;

/**
 * Starts processes from code. Inject it (field or parameter, no annotation) into a test whose class
 * has the extension active. Everything it starts is stopped, with its descendants, at the end of
 * the scope it was injected for (a static field: the class; an instance field or a parameter: the
 * test).
 *
 * <p>Meant for users; it is not meant to be implemented outside the library.
 *
 * @since 0.1.0
 */
public interface Processes {

  /**
   * Starts a process and waits for its readiness conditions.
   *
   * @param spec what to start; copied, so later changes to it do not affect this process
   * @return the running process, ready
   * @throws ProcessStartException when it cannot be spawned
   * @throws ProcessExitedException when it exits before it is ready
   * @throws ProcessTimeoutException when it is not ready within the startup timeout (it is killed)
   * @since 0.1.0
   */
  SpawnedProcess start(ProcessSpec spec);

  /**
   * Starts {@code command} literally (no placeholders), with the defaults of a {@link ProcessSpec};
   * see {@link #start(ProcessSpec)}.
   *
   * @param command the program and its arguments
   * @return the running process
   * @throws IllegalArgumentException when the command is empty
   * @throws ProcessStartException when it cannot be spawned
   * @since 0.1.0
   */
  SpawnedProcess start(String... command);

  /**
   * Runs a process to completion within its startup timeout. Stdin is closed at once unless the
   * spec gives a stdin file or {@link ProcessSpec#input(String) input}. The exit code is not
   * checked.
   *
   * @param spec what to run; copied
   * @return the result, whatever the exit code
   * @throws ProcessStartException when it cannot be spawned
   * @throws ProcessTimeoutException when it runs longer than the startup timeout (it is killed)
   * @since 0.1.0
   */
  ProcessResult run(ProcessSpec spec);

  /**
   * Runs {@code command} literally (no placeholders) to completion; see {@link #run(ProcessSpec)}.
   *
   * @param command the program and its arguments
   * @return the result, whatever the exit code
   * @throws IllegalArgumentException when the command is empty
   * @throws ProcessStartException when it cannot be spawned
   * @throws ProcessTimeoutException when it runs longer than the startup timeout (it is killed)
   * @since 0.1.0
   */
  ProcessResult run(String... command);

  /**
   * A free TCP port on 127.0.0.1, chosen by the operating system.
   *
   * @return a port that was free just now (pass it to the process and to {@link
   *     ProcessSpec#readyPort(int)})
   * @since 0.1.0
   */
  int freePort();
}
