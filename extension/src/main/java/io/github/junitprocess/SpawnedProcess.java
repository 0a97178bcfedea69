package io.github.junitprocess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running process started by the extension, with its output captured from the moment of spawn.
 *
 * <p>The extension owns it: at the end of its scope it is stopped together with every descendant
 * ({@link #stop()}), even when the test failed. All methods are thread-safe.
 *
 * <p>Meant for users: the extension injects it for {@code @SpawnProcess SpawnedProcess} fields and
 * parameters and returns it from {@link Processes#start}; it is not meant to be implemented.
 *
 * @since 0.1.0
 */
public interface SpawnedProcess {

  /**
   * The process's name, used in messages, log file names and {@code ${port.NAME}}.
   *
   * @return the annotation's {@code name}, else the field or parameter name; for a spec its {@code
   *     name}, else the program's file name
   * @since 0.1.0
   */
  String name();

  /**
   * The operating-system process id. In terminal mode ({@link SpawnProcess#tty()}) it is the pid of
   * the keeper that holds the terminal; the program is its child, first in {@link #descendants()}.
   *
   * @return the pid of the process the extension spawned
   * @since 0.1.0
   */
  long pid();

  /**
   * The command as started.
   *
   * @return the program and its arguments after placeholder expansion, unmodifiable
   * @since 0.1.0
   */
  List<String> command();

  /**
   * The working directory the process was started in.
   *
   * @return the directory (the test JVM's unless the declaration or spec gave one)
   * @since 0.1.0
   */
  Path workingDir();

  /**
   * Whether the process is still running.
   *
   * @return {@code true} while the process has not exited
   * @since 0.1.0
   */
  boolean isAlive();

  /**
   * The {@code ${port}} chosen for this process; for a process started from a {@link ProcessSpec},
   * its {@code readyPort}.
   *
   * @return the port
   * @throws IllegalStateException when the process's definition did not use {@code ${port}} (a
   *     spec: gave no {@code readyPort})
   * @since 0.1.0
   */
  int port();

  /**
   * The port named {@code name} ({@code ${port.NAME}}) as this process's scope sees it: its own
   * scope's, else that of the nearest scope around it; allocated now in its own scope if nothing
   * used it yet.
   *
   * @param name the port's name, as in {@code ${port.NAME}}
   * @return the port
   * @throws IllegalStateException when the process has no named ports (it was started from a {@link
   *     ProcessSpec})
   * @throws NullPointerException when {@code name} is null
   * @since 0.1.0
   */
  int port(String name);

  /**
   * The {@code ${port.NAME}} ports this process's definition used, by name, in order of first use:
   * what it was told about other processes. Its own {@code ${port}} is {@link #port()}, listed here
   * only when its definition also named it. Empty for a process started from a {@link ProcessSpec},
   * whose strings are literal, and by default.
   *
   * @return the ports by name; empty when none were used
   * @since 0.1.0
   */
  default Map<String, Integer> namedPorts() {
    return Map.of();
  }

  /**
   * The directory made for this process's {@code ${tempDir}}, when its definition used one; it is
   * deleted after the process stops. Empty otherwise, and by default.
   *
   * @return the directory, or empty without a {@code ${tempDir}}
   * @since 0.1.0
   */
  default Optional<Path> tempDir() {
    return Optional.empty();
  }

  /**
   * The captured stdout.
   *
   * @return the stream, captured from spawn on; with {@code mergeStderr}, stderr too
   * @since 0.1.0
   */
  Output stdout();

  /**
   * The captured stderr.
   *
   * @return the stream, captured from spawn on; empty when stderr is merged into stdout
   * @since 0.1.0
   */
  Output stderr();

  /**
   * Writes {@code text} to the process's stdin as UTF-8 and flushes.
   *
   * @param text the text, written as it is (no line end added)
   * @return this handle
   * @throws ProcessIOException when stdin is closed, redirected from a file, or the process exited
   * @throws NullPointerException when {@code text} is null
   * @since 0.1.0
   */
  SpawnedProcess write(String text);

  /**
   * Writes {@code line} followed by {@code \n} to stdin and flushes; in terminal mode ({@link
   * SpawnProcess#tty()}) it types the line and Enter ({@code \r}), which a program reading lines
   * gets as {@code \n}.
   *
   * @param line the line, without its line end
   * @return this handle
   * @throws ProcessIOException when stdin is closed, redirected from a file, or the process exited
   * @throws NullPointerException when {@code line} is null
   * @since 0.1.0
   */
  SpawnedProcess writeLine(String line);

  /**
   * Writes {@code bytes} to stdin and flushes.
   *
   * @param bytes the bytes, written as they are
   * @return this handle
   * @throws ProcessIOException when stdin is closed, redirected from a file, or the process exited
   * @throws NullPointerException when {@code bytes} is null
   * @since 0.1.0
   */
  SpawnedProcess write(byte[] bytes);

  /**
   * Closes stdin so the process reads end-of-file. In terminal mode ({@link SpawnProcess#tty()}) it
   * types Ctrl-D, twice after an unfinished line (the first hands the line over). Idempotent.
   *
   * @since 0.1.0
   */
  void closeStdin();

  /**
   * Waits for the process to exit on its own.
   *
   * @param timeout how long to wait
   * @return the result, once the process has exited and its output has been read
   * @throws ProcessTimeoutException with the output tail when it is still running after {@code
   *     timeout} (the process is left running), or when the waiting thread is interrupted (its
   *     interrupt status is set again)
   * @throws NullPointerException when {@code timeout} is null
   * @since 0.1.0
   */
  ProcessResult waitFor(Duration timeout);

  /**
   * The result, if the process has exited; does not wait.
   *
   * @return the result once the process has exited, else empty
   * @since 0.1.0
   */
  Optional<ProcessResult> result();

  /**
   * Sends {@code signal} to the process's group (the process and its descendants) where the
   * platform supports it, else to the process itself. Does nothing once the process has exited.
   *
   * @param signal the signal to send
   * @throws NullPointerException when {@code signal} is null
   * @since 0.1.0
   */
  void signal(Signal signal);

  /**
   * Stops the process tree gracefully: the stop signal, up to the stop timeout for it to exit, then
   * {@code KILL} to whatever is left. Idempotent; returns the existing result if it had already
   * exited (remaining descendants are still killed). When it returns, the process and every
   * descendant are gone, including descendants that left its tree.
   *
   * @return the result; {@link ProcessResult#stoppedByExtension()} is {@code true} unless the
   *     process had exited on its own
   * @since 0.1.0
   */
  ProcessResult stop();

  /**
   * Like {@link #stop()} with {@code grace} instead of the configured stop timeout.
   *
   * @param grace how long to wait after the stop signal before {@code KILL}; zero kills at once
   * @return the result
   * @throws NullPointerException when {@code grace} is null
   * @since 0.1.0
   */
  ProcessResult stop(Duration grace);

  /**
   * Kills the process and all its descendants at once ({@code KILL}, no grace). Idempotent; returns
   * the existing result if it had already exited.
   *
   * @return the result
   * @since 0.1.0
   */
  ProcessResult kill();

  /**
   * The process's live descendants, as the operating system lists them now.
   *
   * @return children, grandchildren and so on; empty once they are gone
   * @since 0.1.0
   */
  List<ProcessHandle> descendants();
}
