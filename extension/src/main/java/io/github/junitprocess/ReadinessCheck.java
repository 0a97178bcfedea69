package io.github.junitprocess;

/**
 * A custom readiness condition, polled with backoff until it returns {@code true} or the startup
 * timeout passes. An exception counts as "not ready yet"; the last one is shown in the timeout
 * message.
 *
 * <p>Used as {@link SpawnProcess#readyCheck()} (the class needs a public or package-private no-arg
 * constructor) or {@link ProcessSpec#readyCheck(ReadinessCheck)}.
 */
@FunctionalInterface
public interface ReadinessCheck {
  /**
   * @param process the process being started (running, output captured so far)
   * @return {@code true} once the process is ready for the test
   * @throws Exception any failure; treated as "not ready yet"
   */
  boolean isReady(SpawnedProcess process) throws Exception;
}
