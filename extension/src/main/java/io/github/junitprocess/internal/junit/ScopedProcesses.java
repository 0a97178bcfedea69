package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.ProcessSpec;
import io.github.junitprocess.Processes;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.plan.FreePorts;
import io.github.junitprocess.internal.plan.SpecPlans;

/** {@link Processes} bound to the scope it was injected for. */
public final class ScopedProcesses implements Processes {
  private final ProcessScope scope;

  ScopedProcesses(ProcessScope scope) {
    this.scope = scope;
  }

  @Override
  public SpawnedProcess start(ProcessSpec spec) {
    return scope.start(SpecPlans.plan(spec, scope, false));
  }

  @Override
  public SpawnedProcess start(String... command) {
    return start(ProcessSpec.of(command));
  }

  @Override
  public ProcessResult run(ProcessSpec spec) {
    return scope.run(SpecPlans.plan(spec, scope, true));
  }

  @Override
  public ProcessResult run(String... command) {
    return run(ProcessSpec.of(command));
  }

  @Override
  public int freePort() {
    return FreePorts.next();
  }
}
