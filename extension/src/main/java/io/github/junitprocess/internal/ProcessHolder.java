package io.github.junitprocess.internal;

import java.util.List;

/**
 * A scope resource that runs processes of its own, such as a pool: a failed test in the scope
 * reports their output too.
 */
interface ProcessHolder {
  /** The processes it holds right now, for a failure report. */
  List<ManagedProcess> heldProcesses();
}
