package io.github.junitprocess.internal.os;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Terminal mode: the command words that run a program on a new pseudo-terminal of a given size.
 *
 * <p>The terminal is held by a keeper, a small script run by {@code python3} from the test JVM's
 * PATH ({@code pty-keeper.py}, passed with {@code -c}, so nothing is written to disk): it leads a
 * new session whose controlling terminal is the pty, sets the window size, and runs the program as
 * its child in its process group with the pty as stdin, stdout and stderr. It types its stdin into
 * the terminal, sends Ctrl-D when that ends, copies what the terminal shows to its stdout, survives
 * the signals the program gets and exits as the program did (same code, or the same signal). {@code
 * python3} needs only its standard library ({@code pty}, {@code termios}), which every Linux and
 * macOS build has; Windows has no pseudo-terminals.
 *
 * <p>Whether this works is checked once per JVM, at the first terminal asked for, by running the
 * keeper's probe: it opens a pty and says which interpreter it runs on (a {@code pyenv} shim
 * resolves to its real interpreter, so later spawns skip the shim).
 */
public final class PseudoTerminal {
  private static final String SCRIPT = script();

  private PseudoTerminal() {}

  /** What terminal mode needs, for the message when it cannot be had. */
  public static final String NEEDS =
      "terminal mode (tty) needs python3 (any 3.x with its standard library) on the PATH of the test"
          + " JVM and a system with pseudo-terminals (Linux, macOS)";

  /** {interpreter, null} once the probe succeeded, {null, why} once it failed for good. */
  private static String[] found;

  private static synchronized String[] found() {
    if (found == null) {
      String[] outcome = probe();
      if (!Thread.currentThread().isInterrupted()) { // an interrupted probe says nothing
        found = outcome;
      }
      return outcome;
    }
    return found;
  }

  /**
   * Why no terminal can be had on this machine, or {@code null} when one can. The first call runs
   * the probe (one start of {@code python3}); later calls return at once.
   */
  public static String unavailable() {
    return found()[1];
  }

  /**
   * The words to put before a program (an absolute path) and its arguments to run it on a terminal
   * of {@code columns} by {@code rows}.
   *
   * @throws IllegalStateException when {@link #unavailable()} says why not
   */
  public static List<String> prefix(int columns, int rows) {
    String[] interpreter = found();
    if (interpreter[1] != null) {
      throw new IllegalStateException(interpreter[1]);
    }
    return List.of(
        interpreter[0],
        "-I",
        "-S",
        "-c",
        SCRIPT,
        Integer.toString(columns),
        Integer.toString(rows));
  }

  /** {path, null} when the keeper works, {null, why} otherwise. */
  private static String[] probe() {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return new String[] {null, NEEDS + "; Windows has no pseudo-terminals"};
    }
    String path = System.getenv("PATH");
    String python = null;
    for (String dir : (path == null ? "/usr/bin:/bin" : path).split(File.pathSeparator, -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        python = candidate.toAbsolutePath().toString();
        break;
      }
    }
    if (python == null) {
      return new String[] {null, NEEDS + "; python3 was not found on PATH (" + path + ")"};
    }
    try {
      ProcessBuilder pb =
          new ProcessBuilder(python, "-I", "-S", "-c", SCRIPT, "--probe").redirectErrorStream(true);
      Process p = OwnedProcesses.start(pb);
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new String[] {null, NEEDS + "; " + python + " did not answer within 60 s"};
      }
      String executable = out.lines().reduce((a, b) -> b).orElse("");
      if (p.exitValue() != 0 || !executable.startsWith("/")) {
        return new String[] {
          null,
          NEEDS
              + "; "
              + python
              + " could not open a pseudo-terminal (exit code "
              + p.exitValue()
              + "): "
              + out
        };
      }
      return new String[] {Files.isExecutable(Path.of(executable)) ? executable : python, null};
    } catch (IOException e) {
      return new String[] {null, NEEDS + "; " + python + " could not be run: " + e.getMessage()};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new String[] {null, NEEDS + "; interrupted while checking " + python};
    }
  }

  private static String script() {
    try (InputStream in = PseudoTerminal.class.getResourceAsStream("pty-keeper.py")) {
      if (in == null) {
        throw new IllegalStateException("pty-keeper.py is missing from the extension's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
