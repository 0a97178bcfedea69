package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.internal.launch.ManagedProcess;
import io.github.junitprocess.internal.launch.ProcessMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Enriches a failed test: each process in scope (its pools' running workers and tasks included)
 * adds a suppressed entry with its status and output tail, and its log files are published to the
 * test report.
 */
public final class FailureReports {
  private FailureReports() {}

  /** The output of one process, attached to a test failure. Carries no stack trace. */
  static final class ProcessOutputReport extends ProcessException {
    private static final long serialVersionUID = 1L;

    ProcessOutputReport(String message) {
      super(message);
      setStackTrace(new StackTraceElement[0]);
    }
  }

  /**
   * The failure to rethrow: a process error wrapped by JUnit's parameter resolution is unwrapped
   * (it says all there is to say), and every process in scope adds its output tail, except one
   * whose start failed: its own exception already shows it.
   */
  public static Throwable enrich(ExtensionContext context, Throwable failure) {
    Throwable t = failure;
    if (t instanceof ParameterResolutionException
        && (t.getCause() instanceof ProcessException
            || t.getCause() instanceof ExtensionConfigurationException)) {
      t = t.getCause();
    }
    Map<ManagedProcess, Boolean> seen = new IdentityHashMap<>();
    for (Throwable s : t.getSuppressed()) {
      if (s instanceof ProcessOutputReport) {
        return t; // an inner handler already reported
      }
    }
    for (ProcessScope scope : ProcessScope.chain(context)) {
      for (ManagedProcess p : scope.reportedProcesses()) {
        if (seen.put(p, Boolean.TRUE) == null && !p.startFailed()) {
          try {
            t.addSuppressed(new ProcessOutputReport(ProcessMessages.report(p)));
          } catch (RuntimeException e) {
            // reporting must never hide the failure itself
          }
        }
      }
    }
    return t;
  }

  /** Publishes the log files of every process in scope (JUnit 5.12+ file entries). */
  public static void publishLogs(ExtensionContext context) {
    for (ProcessScope scope : ProcessScope.chain(context)) {
      for (ManagedProcess p : scope.reportedProcesses()) {
        if (!p.stdoutCapture().hasLogFile()) {
          continue;
        }
        publish(context, p.stdoutCapture().logFile());
        if (!p.plan().mergeStderr()) {
          publish(context, p.stderrCapture().logFile());
        }
      }
    }
  }

  private static void publish(ExtensionContext context, Path log) {
    try {
      if (Files.exists(log)) {
        context.publishFile(
            log.getFileName().toString(),
            org.junit.jupiter.api.MediaType.TEXT_PLAIN_UTF_8,
            target -> Files.copy(log, target, StandardCopyOption.REPLACE_EXISTING));
      }
    } catch (RuntimeException | LinkageError e) {
      // no output directory configured, or an older JUnit: the log stays in the log dir
    }
  }
}
