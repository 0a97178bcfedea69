package io.github.junitprocess;

/**
 * A custom readiness condition, polled with backoff until it returns {@code true} or the startup
 * timeout passes. An exception counts as "not ready yet"; the last one is shown in the timeout
 * message. Each call runs on a thread of its own, so a call that blocks (a request without a
 * timeout) cannot stall the start: at the deadline, or when the process exits, it is interrupted
 * and the start fails as usual.
 *
 * <p>Used as {@link SpawnProcess#readyCheck()} (the class needs a public or package-private no-arg
 * constructor) or {@link ProcessSpec#readyCheck(ReadinessCheck)}. Meant to be implemented by users.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ReadinessCheck {
  /**
   * Whether {@code process} is ready for the test now.
   *
   * @param process the process being started (running, output captured so far)
   * @return {@code true} once the process is ready for the test
   * @throws Exception any failure; treated as "not ready yet"
   * @since 0.1.0
   */
  boolean isReady(SpawnedProcess process) throws Exception;
}
