package io.github.junitprocess.internal.plan;

import io.github.junitprocess.ProcessSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;

/** Turns a {@link ProcessSpec} into a {@link LaunchPlan}: strings are taken literally. */
public final class SpecPlans {
  private SpecPlans() {}

  public static LaunchPlan plan(ProcessSpec spec, PlanContext scope, boolean runToCompletion) {
    Objects.requireNonNull(spec, "spec");
    LaunchPlan plan = new LaunchPlan();
    if (spec.javaMain().isPresent()) {
      plan.command = JavaCommand.command(spec.javaMain().get(), spec.jvmArgs(), spec.args());
      plan.name = spec.name().orElse(spec.javaMain().get().getSimpleName());
    } else {
      plan.command = new ArrayList<>(spec.command());
      plan.command.addAll(spec.args());
      String program = spec.command().get(0);
      plan.name = spec.name().orElse(program.substring(program.lastIndexOf('/') + 1));
    }
    plan.env.putAll(spec.env());
    plan.removedEnv.addAll(spec.removedEnv());
    plan.inheritEnv = spec.inheritsEnv();
    Path cwd = Path.of("").toAbsolutePath();
    plan.workingDir = spec.workingDir().map(d -> cwd.resolve(d).normalize()).orElse(cwd);
    plan.stdin = spec.stdin().map(f -> cwd.resolve(f).normalize()).orElse(null);
    plan.input = spec.input().orElse(null);
    plan.readyLine = spec.readyLine().map(java.util.regex.Pattern::compile).orElse(null);
    plan.readyPort = spec.readyPort();
    if (plan.readyPort > 0) {
      int port = plan.readyPort;
      plan.port = () -> port; // a spec names its port only there
    }
    plan.fromSpec = true;
    plan.readyCheck = spec.readyCheck().orElse(null);
    ProcessConfig config = scope.config();
    plan.startupTimeout = spec.startupTimeout().orElse(config.startupTimeout());
    plan.stopSignal = spec.stopSignal();
    plan.stopTimeout = spec.stopTimeout().orElse(config.stopTimeout());
    plan.mergeStderr = spec.mergesStderr();
    plan.stdoutListener = spec.stdoutListener().orElse(null);
    plan.stderrListener = spec.stderrListener().orElse(null);
    plan.namedPorts = scope::namedPort;
    plan.logDir = config.logEnabled() ? scope.logDir() : null;
    plan.ownGroup = !runToCompletion;
    plan.closeStdin = runToCompletion && plan.stdin == null && plan.input == null;
    return plan;
  }
}
