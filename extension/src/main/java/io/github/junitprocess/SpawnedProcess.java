package io.github.junitprocess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A running process started by the extension, with its output captured from the moment of spawn.
 *
 * <p>The extension owns it: at the end of its scope it is stopped together with every descendant
 * ({@link #stop()}), even when the test failed. All methods are thread-safe.
 */
public interface SpawnedProcess {

  /** The process's name: annotation {@code name}, else the field or parameter name. */
  String name();

  /**
   * The operating-system process id. In terminal mode ({@link SpawnProcess#tty()}) it is the pid of
   * the keeper that holds the terminal; the program is its child, first in {@link #descendants()}.
   */
  long pid();

  /** The command as started, after placeholder expansion. */
  List<String> command();

  /** The working directory the process was started in. */
  Path workingDir();

  /** {@code true} while the process has not exited. */
  boolean isAlive();

  /**
   * The {@code ${port}} chosen for this process; for a process started from a {@link ProcessSpec},
   * its {@code readyPort}.
   *
   * @throws IllegalStateException when the process's definition did not use {@code ${port}} (a
   *     spec: gave no {@code readyPort})
   */
  int port();

  /**
   * The port named {@code name} ({@code ${port.NAME}}) as this process's scope sees it: its own
   * scope's, else that of the nearest scope around it; allocated now in its own scope if nothing
   * used it yet.
   */
  int port(String name);

  /** Captured stdout. */
  Output stdout();

  /** Captured stderr; empty when stderr is merged into stdout. */
  Output stderr();

  /**
   * Writes {@code text} to the process's stdin as UTF-8 and flushes.
   *
   * @throws ProcessIOException when stdin is closed, redirected from a file, or the process exited
   */
  SpawnedProcess write(String text);

  /**
   * Writes {@code line} followed by {@code \n} to stdin and flushes; in terminal mode ({@link
   * SpawnProcess#tty()}) it types the line and Enter ({@code \r}), which a program reading lines
   * gets as {@code \n}.
   *
   * @throws ProcessIOException when stdin is closed, redirected from a file, or the process exited
   */
  SpawnedProcess writeLine(String line);

  /**
   * Writes {@code bytes} to stdin and flushes.
   *
   * @throws ProcessIOException when stdin is closed, redirected from a file, or the process exited
   */
  SpawnedProcess write(byte[] bytes);

  /**
   * Closes stdin so the process reads end-of-file. In terminal mode ({@link SpawnProcess#tty()}) it
   * types Ctrl-D, twice after an unfinished line (the first hands the line over). Idempotent.
   */
  void closeStdin();

  /**
   * Waits for the process to exit on its own.
   *
   * @throws ProcessTimeoutException with the output tail when it is still running after {@code
   *     timeout} (the process is left running)
   */
  ProcessResult waitFor(Duration timeout);

  /** The result, present once the process has exited. */
  Optional<ProcessResult> result();

  /**
   * Sends {@code signal} to the process's group (the process and its descendants) where the
   * platform supports it, else to the process itself.
   */
  void signal(Signal signal);

  /**
   * Stops the process tree gracefully: the stop signal, up to the stop timeout for it to exit, then
   * {@code KILL} to whatever is left. Idempotent; returns the existing result if it had already
   * exited (remaining descendants are still killed).
   */
  ProcessResult stop();

  /** Like {@link #stop()} with {@code grace} instead of the configured stop timeout. */
  ProcessResult stop(Duration grace);

  /** Kills the process and all its descendants at once. Idempotent. */
  ProcessResult kill();

  /** The process's live descendants. */
  List<ProcessHandle> descendants();
}
