package io.github.junitprocess.internal.pool;

import io.github.junitprocess.internal.launch.ManagedProcess;
import java.util.List;

/**
 * A scope resource that runs processes of its own, such as a pool: a failed test in the scope
 * reports their output too.
 */
public interface ProcessHolder {
  /** The processes it holds right now, for a failure report. */
  List<ManagedProcess> heldProcesses();
}
