package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessException;
import io.github.junitprocess.internal.os.OwnedProcesses;
import io.github.junitprocess.internal.os.ProcFs;
import io.github.junitprocess.internal.plan.ProcessConfig;
import io.github.junitprocess.internal.support.Warnings;
import io.github.junitprocess.internal.teardown.Cookies;
import io.github.junitprocess.internal.teardown.PidWindow;
import io.github.junitprocess.internal.teardown.Reaper;
import io.github.junitprocess.internal.teardown.TreeKiller;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds processes a test started without the extension and left running: children of the test JVM
 * that appeared during the test, are not the extension's own, and are still alive afterwards.
 * Reported, failed or killed according to {@code junit.process.leaks}. Under parallel execution
 * such a child may belong to a test still running, so it is only reported, whatever the mode.
 */
public final class LeakDetector {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create("io.github.junitprocess", "leaks");

  private LeakDetector() {}

  public static void before(ExtensionContext context) {
    ProcessConfig config = ProcessScope.config(context);
    if (config.leaks() == ProcessConfig.LeakMode.OFF) {
      return;
    }
    context.getStore(NAMESPACE).put(context.getUniqueId(), new Mark());
  }

  /**
   * Where the test began: on Linux the kernel's tick count and a pid window (cheaper than listing
   * the children), elsewhere the children at that time.
   */
  private static final class Mark {
    final PidWindow window = new PidWindow();
    final long ticks = ProcFs.AVAILABLE ? ProcFs.nowTicks() - 1 : -1;
    final Set<Long> children =
        ticks >= 0
            ? Set.of()
            : ProcessHandle.current()
                .children()
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());

    boolean startedSince(ProcessHandle child) {
      return ticks >= 0 ? ProcFs.startTicks(child.pid()) >= ticks : !children.contains(child.pid());
    }
  }

  public static void after(ExtensionContext context) {
    Mark mark = context.getStore(NAMESPACE).remove(context.getUniqueId(), Mark.class);
    if (mark == null || mark.window.onlyOurSpawnsSince()) {
      return;
    }
    ProcessConfig config = ProcessScope.config(context);
    long reaper = Reaper.pid();
    List<ProcessHandle> leaked = new ArrayList<>();
    OwnedProcesses.foreignChildren().stream()
        .filter(h -> h.pid() != reaper)
        .filter(mark::startedSince)
        .filter(h -> !TreeKiller.member(h.pid()).map(TreeKiller.Member::isGone).orElse(true))
        .filter(h -> !isMarkedOrGone(h.pid()))
        .forEach(leaked::add);
    if (leaked.isEmpty()) {
      return;
    }
    ProcessConfig.LeakMode mode = config.leaks();
    boolean parallel =
        context
            .getConfigurationParameter("junit.jupiter.execution.parallel.enabled")
            .map(Boolean::parseBoolean)
            .orElse(false);
    String list =
        leaked.stream()
            .map(
                h ->
                    "pid "
                        + h.pid()
                        + ": "
                        + h.info().commandLine().orElse(h.info().command().orElse("?")))
            .collect(Collectors.joining("\n  "));
    String message =
        "Test '"
            + context.getDisplayName()
            + "' left "
            + leaked.size()
            + " process(es) running that it started without junit-process:\n  "
            + list
            + "\nStop them in the test, or start them through @SpawnProcess / Processes so they are"
            + " cleaned up (junit.process.leaks="
            + mode.name().toLowerCase(java.util.Locale.ROOT)
            + ").";
    if (parallel) {
      // another test running now may have started it and still use it: report, never kill
      String report =
          message
              + " Under parallel execution it may belong to a test still running, so it was left"
              + " alone.";
      Warnings.print(report);
      publish(context, report);
      return;
    }
    if (mode == ProcessConfig.LeakMode.FAIL || mode == ProcessConfig.LeakMode.KILL) {
      for (ProcessHandle h : leaked) {
        List<TreeKiller.Member> tree = new ArrayList<>();
        TreeKiller.member(h.pid()).ifPresent(tree::add);
        tree.addAll(TreeKiller.descendants(h.pid()));
        TreeKiller.send(tree, io.github.junitprocess.Signal.KILL);
      }
    }
    if (mode == ProcessConfig.LeakMode.FAIL) {
      throw new ProcessException(message + " They were killed.");
    }
    String report = mode == ProcessConfig.LeakMode.WARN ? message : message + " They were killed.";
    Warnings.print(report);
    publish(context, report);
  }

  private static void publish(ExtensionContext context, String report) {
    try {
      context.publishReportEntry("junit-process.leak", report);
    } catch (RuntimeException ignored) {
      // reporting is best effort
    }
  }

  /**
   * Ours (carries this run's marker), or gone by now: a process that exits between the listing and
   * this check has an empty or unreadable environment and must not count as a leak.
   */
  private static boolean isMarkedOrGone(long pid) {
    if (!ProcFs.AVAILABLE) {
      return false;
    }
    if (Cookies.ofThisRun(ProcFs.environValue(pid, Cookies.ENV_EQUALS))) {
      return true;
    }
    byte[] env = ProcFs.read("/proc/" + pid + "/environ", 16);
    return (env == null || env.length == 0)
        && TreeKiller.member(pid).map(TreeKiller.Member::isGone).orElse(true);
  }
}
