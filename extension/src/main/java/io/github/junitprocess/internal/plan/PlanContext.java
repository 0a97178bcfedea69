package io.github.junitprocess.internal.plan;

import java.nio.file.Path;

/**
 * What planning needs of the scope a process is planned for: its settings, where its logs go, and
 * the named ports and temp dirs visible there. Implemented by the JUnit scope; planning knows
 * nothing else of it.
 */
public interface PlanContext {
  /** The {@code junit.process.*} settings of the run. */
  ProcessConfig config();

  /** Where the log files of this scope's processes go. */
  Path logDir();

  /**
   * {@code ${port.NAME}}: the port of that name in this scope or the nearest one around it; else a
   * fresh one, allocated in this scope.
   */
  int namedPort(String name);

  /**
   * A process's own {@code ${port}}: the port of its name in this very scope; for a second process
   * of the same name in the scope, a fresh port of its own.
   */
  int ownPort(String name);

  /** {@code ${tempDir.NAME}}: found like {@link #namedPort}, made in this scope when new. */
  Path namedTempDir(String name);
}
