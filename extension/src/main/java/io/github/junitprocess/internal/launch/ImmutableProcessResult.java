package io.github.junitprocess.internal.launch;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.capture.LineSplitter;
import io.github.junitprocess.internal.support.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The value behind every {@link ProcessResult}. */
public final class ImmutableProcessResult implements ProcessResult {
  private final SpawnedProcess process;
  private final String name;
  private final List<String> command;
  private final long pid;
  private final int exitCode;
  private final boolean stoppedByExtension;
  private final String stdout;
  private final String stderr;
  private final Duration duration;

  ImmutableProcessResult(
      SpawnedProcess process,
      String name,
      List<String> command,
      long pid,
      int exitCode,
      boolean stoppedByExtension,
      String stdout,
      String stderr,
      Duration duration) {
    this.process = process;
    this.name = name;
    this.command = List.copyOf(command);
    this.pid = pid;
    this.exitCode = exitCode;
    this.stoppedByExtension = stoppedByExtension;
    this.stdout = stdout;
    this.stderr = stderr;
    this.duration = duration;
  }

  @Override
  public Optional<SpawnedProcess> process() {
    return Optional.ofNullable(process);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> command() {
    return command;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public int exitCode() {
    return exitCode;
  }

  @Override
  public boolean stoppedByExtension() {
    return stoppedByExtension;
  }

  @Override
  public String stdout() {
    return stdout;
  }

  @Override
  public String stderr() {
    return stderr;
  }

  @Override
  public List<String> stdoutLines() {
    return LineSplitter.lines(stdout);
  }

  @Override
  public List<String> stderrLines() {
    return LineSplitter.lines(stderr);
  }

  @Override
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "ProcessResult[" + name + ", " + Messages.exitStatus(this) + ", " + command + "]";
  }
}
