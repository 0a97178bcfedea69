package io.github.junitprocess.internal.launch;

import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.plan.ProcessConfig;

/** The line on the test JVM's stdout that says a child JVM waits for a debugger, and where. */
final class DebugNotice {
  private DebugNotice() {}

  static String waiting(LaunchPlan plan) {
    return "[junit-process] "
        + plan.name()
        + ": child JVM waits for a debugger on 127.0.0.1:"
        + plan.debugPort()
        + " ("
        + ProcessConfig.JAVA_DEBUG
        + ") — attach to continue; its startup timeout does not run while it is debugged";
  }
}
