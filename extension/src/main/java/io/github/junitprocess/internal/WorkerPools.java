package io.github.junitprocess.internal;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.WorkerPool;

/** Creates the {@link WorkerPool} for a {@link ProcessPool} annotation. */
final class WorkerPools {
  private WorkerPools() {}

  static void validate(ProcessPool pool, String element) {
    if (pool.size() < 1) {
      throw AnnotationPlans.error(
          "@ProcessPool on " + element, "size must be at least 1, was " + pool.size());
    }
    AnnotationPlans.validate(AnnotationPlans.of(pool), "ProcessPool", element, false);
  }

  static WorkerPool create(
      ProcessPool pool, String element, String defaultName, ProcessScope scope) {
    throw new UnsupportedOperationException("@ProcessPool is not implemented yet");
  }
}
