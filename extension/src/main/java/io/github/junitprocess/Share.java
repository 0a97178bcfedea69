package io.github.junitprocess;

/**
 * How widely a process declared with {@link SpawnProcess} or a pool declared with {@link
 * ProcessPool} is shared.
 *
 * @since 0.1.0
 */
public enum Share {
  /**
   * Scoped by declaration (the default): a static field's process belongs to its class, an instance
   * field's and a parameter's to their test.
   *
   * @since 0.1.0
   */
  NONE,

  /**
   * One process (or pool) for the whole test run in this JVM — one {@code mvn test} fork, one IDE
   * run, one {@code EngineTestKit} execution — identified by its name. Started by the first scope
   * that declares it (others, also in classes running in parallel, wait for that same start) and
   * stopped when the run ends, after the last class, with its whole tree. Every declaration of one
   * shared name must be identical; its handle cannot be stopped or killed by a test.
   *
   * @since 0.1.0
   */
  RUN
}
