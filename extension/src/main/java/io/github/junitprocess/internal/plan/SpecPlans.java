package io.github.junitprocess.internal.plan;

import io.github.junitprocess.ProcessSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.regex.Pattern;

/** Turns a {@link ProcessSpec} into a {@link LaunchPlan}: strings are taken literally. */
public final class SpecPlans {
  private SpecPlans() {}

  /** The plan of {@code spec}, started by {@code processes.start} or {@code processes.run}. */
  public static LaunchPlan plan(ProcessSpec spec, PlanContext scope, boolean runToCompletion) {
    return builder(spec, scope).build(scope, runToCompletion);
  }

  /**
   * The plan of a task pool's task: the spec as given, on top of the pool's {@code defaults} (its
   * environment, working directory and timeouts) where the spec leaves them unset.
   */
  public static LaunchPlan taskPlan(ProcessSpec spec, PlanContext scope, LaunchPlan defaults) {
    LaunchPlan.Builder plan = builder(spec, scope);
    plan.env.clear();
    plan.env.putAll(defaults.env());
    plan.env.keySet().removeAll(spec.removedEnv());
    plan.env.putAll(spec.env());
    plan.inheritEnv = defaults.inheritEnv() && spec.inheritsEnv();
    if (spec.workingDir().isEmpty()) {
      plan.workingDir = defaults.workingDir();
    }
    if (spec.startupTimeout().isEmpty()) {
      plan.startupTimeout = defaults.startupTimeout();
    }
    if (spec.stopTimeout().isEmpty()) {
      plan.stopTimeout = defaults.stopTimeout();
    }
    return plan.build(scope, true);
  }

  private static LaunchPlan.Builder builder(ProcessSpec spec, PlanContext scope) {
    Objects.requireNonNull(spec, "spec");
    LaunchPlan.Builder plan = new LaunchPlan.Builder();
    if (spec.javaMain().isPresent()) {
      plan.java(spec.javaMain().get(), spec.jvmArgs(), spec.args());
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
    plan.workingDir = spec.workingDir().map(d -> cwd.resolve(d).normalize()).orElse(null);
    plan.stdin = spec.stdin().map(f -> cwd.resolve(f).normalize()).orElse(null);
    plan.input = spec.input().orElse(null);
    plan.readyLine = spec.readyLine().map(Pattern::compile).orElse(null);
    plan.readyPort = spec.readyPort();
    if (plan.readyPort > 0) {
      int port = plan.readyPort;
      plan.port = () -> port; // a spec names its port only there
    }
    plan.fromSpec = true;
    plan.readyCheck = spec.readyCheck().orElse(null);
    plan.startupTimeout = spec.startupTimeout().orElse(null);
    plan.stopSignal = spec.stopSignal();
    plan.stopTimeout = spec.stopTimeout().orElse(null);
    plan.mergeStderr = spec.mergesStderr();
    plan.stdoutListener = spec.stdoutListener().orElse(null);
    plan.stderrListener = spec.stderrListener().orElse(null);
    plan.namedPorts = scope::namedPort;
    if (spec.ttySize().isPresent() && !spec.tty()) {
      throw new IllegalArgumentException(
          "ttySize("
              + spec.ttySize().get().replace("x", ", ")
              + ") sizes a terminal, but the spec has none: add tty(true) ("
              + spec
              + ")");
    }
    if (spec.tty()) {
      plan.terminal = Terminal.parse(spec.ttySize().orElse(Terminal.DEFAULT_SIZE));
    }
    plan.echo = spec.echoes();
    return plan;
  }
}
