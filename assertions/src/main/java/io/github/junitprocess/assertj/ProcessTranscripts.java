package io.github.junitprocess.assertj;

import io.github.junitprocess.ProcessExtension;
import io.github.junitprocess.ProcessFormat;
import io.github.junitprocess.Processes;
import io.github.junitprocess.internal.junit.DetachedScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * A command-line program's documentation as its tests: every fenced block tagged {@code console} in
 * Markdown files is one {@link DynamicTest}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> usage() {
 *   return ProcessTranscripts.of(Path.of("src/test/transcripts"))
 *       .path(Path.of("target/bin"))
 *       .env("GREETING", "hello")
 *       .tests();
 * }
 * }</pre>
 *
 * <p>In a block, a line {@code $ COMMAND} is run by {@code sh -c}; an optional line {@code ? N}
 * right under it gives the expected exit code (default 0); the lines after that, up to the next
 * {@code $} line, are its expected output: stdout and stderr merged in the order the program wrote
 * them (a missing line end after the last line is not shown). Lines before a block's first {@code
 * $} line are not run. The steps of one file run one after another in one fresh working directory
 * ({@code [CWD]}), deleted after the file's last block; a block stops at its first failing step.
 * Each step runs with {@code LANG=C.UTF-8}, {@code TZ=UTC}, {@code COLUMNS=80} and {@code
 * NO_COLOR=1}, without {@code LC_ALL}, unless {@link #env} says otherwise, on top of the test JVM's
 * environment; stdin is at end of file. A test is named {@code <file>:<line of the block>}.
 *
 * <p>Steps are started as any process of this library is, in a scope of their block: what a block's
 * steps leave running (a job started with {@code &}, a daemon that left with {@code setsid}) is
 * stopped with its whole tree when the block ends, whether it passed or failed, and ended by the
 * reaper if the test JVM dies. A step's output ends when its shell exits, even if a job still holds
 * the pipe. The extension need not be active; when it is, the steps read its configuration
 * parameters ({@code junit.process.*}).
 *
 * <p>The expected output uses the patterns of snapshots ({@code [..]} within a line, {@code ...}
 * for any lines) and the actual output the same redactions ({@code [CWD]}, {@code [ROOT]}, {@code
 * [HOME]}, {@code [JAVA]}, {@code [PID]} of the step's shell, then {@link #redacting}). With {@code
 * junit.process.snapshots=overwrite} a step's expected output and exit code are rewritten in the
 * Markdown file (atomically; patterns that still match are kept), and the tests pass. A failing
 * block shows the command, its exit code and a diff.
 *
 * <p>Immutable: each setting returns a new instance.
 *
 * @since 0.1.0
 */
public final class ProcessTranscripts {
  /**
   * The default deadline of one step.
   *
   * @since 0.1.0
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Map<String, String> HERMETIC =
      Map.of("LANG", "C.UTF-8", "TZ", "UTC", "COLUMNS", "80", "NO_COLOR", "1");

  private final Path root;
  private final List<Path> path;
  private final Map<String, String> env;
  private final Redactions redactions;
  private final Duration timeout;

  private ProcessTranscripts(
      Path root,
      List<Path> path,
      Map<String, String> env,
      Redactions redactions,
      Duration timeout) {
    this.root = root;
    this.path = path;
    this.env = env;
    this.redactions = redactions;
    this.timeout = timeout;
  }

  /**
   * The transcripts in {@code fileOrFolder}: that Markdown file, or every {@code .md} file below
   * that folder (in path order). Relative paths resolve against the test JVM's working directory;
   * the files are read when {@link #tests()} is called.
   *
   * @param fileOrFolder a Markdown file, or a folder whose Markdown files are read
   * @return the transcripts, to configure and turn into tests
   * @since 0.1.0
   */
  public static ProcessTranscripts of(Path fileOrFolder) {
    Objects.requireNonNull(fileOrFolder, "fileOrFolder");
    return new ProcessTranscripts(
        Path.of("").toAbsolutePath().resolve(fileOrFolder).normalize(),
        List.of(),
        Map.of(),
        Redactions.NONE,
        DEFAULT_TIMEOUT);
  }

  /**
   * Puts {@code dir} in front of {@code PATH} (relative: against the test JVM's working directory);
   * of several, the first given comes first.
   *
   * @param dir a directory put in front of the steps' PATH
   * @return these transcripts
   * @since 0.1.0
   */
  public ProcessTranscripts path(Path dir) {
    Objects.requireNonNull(dir, "dir");
    List<Path> more = new ArrayList<>(path);
    more.add(Path.of("").toAbsolutePath().resolve(dir).normalize());
    return new ProcessTranscripts(root, List.copyOf(more), env, redactions, timeout);
  }

  /**
   * Sets an environment variable of every step; wins over the defaults and the inherited one.
   *
   * @param name the variable's name
   * @param value its value
   * @return these transcripts
   * @since 0.1.0
   */
  public ProcessTranscripts env(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, String> more = new LinkedHashMap<>(env);
    more.put(name, value);
    return new ProcessTranscripts(root, path, Map.copyOf(more), redactions, timeout);
  }

  /**
   * Redacts {@code regex} (or its group {@code redacted}) to {@code token} in every step's output,
   * after the automatic redactions, as {@link ProcessResultAssert#redacting} does for snapshots.
   *
   * @throws java.util.regex.PatternSyntaxException when {@code regex} does not compile
   * @param token the text that replaces each match
   * @param regex the pattern of the volatile part
   * @return these transcripts
   * @since 0.1.0
   */
  public ProcessTranscripts redacting(String token, String regex) {
    return new ProcessTranscripts(root, path, env, redactions.with(token, regex), timeout);
  }

  /**
   * How long one step may run (default 30s); a step still running then is killed with its
   * descendants and fails.
   *
   * @throws IllegalArgumentException when {@code timeout} is not positive
   * @param timeout the longest a step may run
   * @return these transcripts
   * @since 0.1.0
   */
  public ProcessTranscripts timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    return new ProcessTranscripts(root, path, env, redactions, timeout);
  }

  /**
   * One dynamic test per {@code console} block of the files, in file and line order.
   *
   * @throws UncheckedIOException when the files cannot be read
   * @throws IllegalArgumentException when there is no such file or folder, or a file has a
   *     malformed block (naming file and line)
   * @return one dynamic test per console block
   * @since 0.1.0
   */
  public Stream<DynamicTest> tests() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files()) {
      TranscriptFile parsed;
      try {
        parsed = TranscriptFile.parse(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read transcript " + file + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(Snapshots.shown(file) + ", " + e.getMessage(), e);
      }
      Session session = new Session(file, parsed.blocks().size());
      String name =
          Files.isDirectory(root)
              ? root.relativize(file).toString()
              : file.getFileName().toString();
      for (int index = 0; index < parsed.blocks().size(); index++) {
        TranscriptFile.Block block = parsed.blocks().get(index);
        int blockIndex = index;
        URI source = URI.create(file.toUri() + "?line=" + block.fenceLine());
        tests.add(
            DynamicTest.dynamicTest(
                name + ":" + block.fenceLine(), source, () -> session.run(blockIndex, block)));
      }
    }
    return tests.stream();
  }

  private List<Path> files() {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("No transcript file or folder " + root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .sorted(Comparator.comparing(Path::toString))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list transcripts in " + root + ": " + e.getMessage(), e);
    }
  }

  /** The steps' environment: inherited, the hermetic defaults, {@code env}, then {@code PATH}. */
  private Map<String, String> environment() {
    Map<String, String> out = new LinkedHashMap<>(HERMETIC);
    out.putAll(env);
    if (!path.isEmpty()) {
      String rest = env.getOrDefault("PATH", System.getenv("PATH"));
      String front = path.stream().map(Path::toString).collect(Collectors.joining(":"));
      out.put("PATH", rest == null || rest.isEmpty() ? front : front + ":" + rest);
    }
    return out;
  }

  /** One file's run: its working directory, made at its first block, deleted after its last. */
  private final class Session {
    private final Path file;
    private final AtomicInteger blocksLeft;
    private Path workingDir;

    Session(Path file, int blocks) {
      this.file = file;
      this.blocksLeft = new AtomicInteger(blocks);
    }

    private synchronized Path workingDir() throws IOException {
      if (workingDir == null) {
        workingDir = Files.createTempDirectory("junit-process-transcript-");
      }
      return workingDir;
    }

    /**
     * One block at a time: the blocks of a file share its working directory. What the block's steps
     * leave running (a background job, a daemon) is stopped with its scope when it ends.
     */
    synchronized void run(int index, TranscriptFile.Block block) throws IOException {
      Optional<ExtensionContext> test = ProcessExtension.currentTest();
      try (DetachedScope scope =
          DetachedScope.of(
              "transcript " + Snapshots.shown(file) + ", line " + block.fenceLine(),
              key -> test.flatMap(t -> t.getConfigurationParameter(key)),
              "transcripts")) {
        runSteps(scope.processes(), test, index, block);
      } finally {
        if (blocksLeft.decrementAndGet() == 0) {
          deleteWorkingDir();
        }
      }
    }

    private void runSteps(
        Processes processes, Optional<ExtensionContext> test, int index, TranscriptFile.Block block)
        throws IOException {
      boolean overwrite =
          SnapshotSettings.mode(test.orElse(null)) == SnapshotSettings.Mode.OVERWRITE;
      Path dir = workingDir();
      Map<String, String> environment = environment();
      List<String> removed = env.containsKey("LC_ALL") ? List.of() : List.of("LC_ALL");
      List<TranscriptFile.Step> actualSteps = new ArrayList<>();
      boolean changed = false;
      for (TranscriptFile.Step step : block.steps()) {
        TranscriptStepRun.Outcome outcome =
            TranscriptStepRun.run(processes, step.command(), dir, environment, removed, timeout);
        String output =
            redactions.apply(outcome.output().replace("\r\n", "\n"), null, dir, outcome.pid());
        List<String> actual = SnapshotText.lines(output);
        SnapshotPatterns.Alignment alignment = SnapshotPatterns.align(step.expected(), actual);
        boolean exitMatches = outcome.exitCode() == step.expectedExitCode();
        if (outcome.timedOut()) {
          throw new AssertionFailedError(
              failure(
                  step,
                  outcome,
                  alignment,
                  "it was still running after "
                      + ProcessFormat.duration(timeout)
                      + " and was killed"));
        }
        if (alignment.matches() && exitMatches) {
          actualSteps.add(step);
          continue;
        }
        if (!overwrite) {
          String what =
              exitMatches
                  ? "its output differs"
                  : alignment.matches()
                      ? "its exit code differs"
                      : "its exit code and its output differ";
          throw new AssertionFailedError(
              failure(step, outcome, alignment, what),
              SnapshotText.join(step.expected()),
              SnapshotText.join(actual));
        }
        Integer exit =
            step.exitCode() == null && outcome.exitCode() == 0 ? null : outcome.exitCode();
        actualSteps.add(
            new TranscriptFile.Step(step.command(), step.line(), exit, alignment.normalized()));
        changed = true;
      }
      if (changed) {
        rewrite(index, actualSteps);
      }
    }

    private String failure(
        TranscriptFile.Step step,
        TranscriptStepRun.Outcome outcome,
        SnapshotPatterns.Alignment alignment,
        String what) {
      return "Transcript "
          + Snapshots.shown(file)
          + ", line "
          + step.line()
          + ":\n  $ "
          + step.command()
          + "\n"
          + what
          + ".\n  exit code: "
          + (outcome.timedOut() ? "none (killed)" : Integer.toString(outcome.exitCode()))
          + ", expected "
          + step.expectedExitCode()
          + "\n"
          + (alignment.matches()
              ? "  output: as expected\n"
              : "  output (- transcript, + actual, redacted; lines matched by [..] or ... count as"
                  + " equal):\n"
                  + SnapshotDiff.unified("transcript", step.expected(), alignment.normalized()))
          + "To accept the actual output and exit code, run with -D"
          + SnapshotSettings.MODE
          + "=overwrite: the Markdown file is rewritten (lines with [..] or ... that still match"
          + " are kept).";
    }

    private void rewrite(int index, List<TranscriptFile.Step> steps) {
      SnapshotFiles.exclusively(
          file,
          () -> {
            String now = SnapshotFiles.read(file).orElseThrow();
            SnapshotFiles.write(file, TranscriptFile.parse(now).withSteps(index, steps));
            return null;
          });
    }

    private void deleteWorkingDir() throws IOException {
      Path dir;
      synchronized (this) {
        dir = workingDir;
      }
      if (dir == null) {
        return;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
