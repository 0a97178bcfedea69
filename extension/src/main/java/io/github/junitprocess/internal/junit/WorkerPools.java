package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.plan.AnnotationPlans;
import io.github.junitprocess.internal.plan.LaunchPlan;
import io.github.junitprocess.internal.pool.TaskPool;
import io.github.junitprocess.internal.pool.WarmPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Creates the {@link WorkerPool} for a {@link ProcessPool} annotation: a {@link TaskPool} without a
 * worker command, a {@link WarmPool} with one. The pool is a resource of the scope it was injected
 * for and closes with it.
 */
public final class WorkerPools {
  private WorkerPools() {}

  static void validate(ProcessPool pool, String element) {
    String where = "@ProcessPool on " + element;
    if (pool.size() < 1) {
      throw AnnotationPlans.error(where, "size must be at least 1, was " + pool.size());
    }
    if (pool.maxUses() < 0) {
      throw AnnotationPlans.error(
          where, "maxUses must be 0 (unlimited) or more, was " + pool.maxUses());
    }
    AnnotationPlans.validate(AnnotationPlans.of(pool), "ProcessPool", element, false);
    if (!isWarm(pool)) {
      List<String> workerOnly = new ArrayList<>();
      if (pool.args().length > 0) {
        workerOnly.add("args");
      }
      if (!pool.readyLine().isEmpty()) {
        workerOnly.add("readyLine");
      }
      if (!pool.readyPort().isBlank()) {
        workerOnly.add("readyPort");
      }
      if (pool.maxUses() > 0) {
        workerOnly.add("maxUses");
      }
      if (!workerOnly.isEmpty()) {
        throw AnnotationPlans.error(
            where,
            String.join(", ", workerOnly)
                + (workerOnly.size() == 1 ? " applies" : " apply")
                + " to the workers of a warm pool, but no worker command is given: set value (a"
                + " command) or javaMain for a warm pool, or remove "
                + String.join(", ", workerOnly)
                + " for a task pool");
      }
    }
  }

  private static boolean isWarm(ProcessPool pool) {
    return pool.value().length > 0 || pool.javaMain() != void.class;
  }

  static WorkerPool create(
      ProcessPool pool, String element, String defaultName, ProcessScope scope) {
    String name = pool.name().isBlank() ? defaultName : pool.name();
    AnnotationPlans.Members members = AnnotationPlans.of(pool);
    members.name = ""; // tasks and workers get their own names
    if (!isWarm(pool)) {
      LaunchPlan defaults = AnnotationPlans.poolPlan(members, element, name, scope, true);
      TaskPool tasks = new TaskPool(name, pool.size(), defaults, scope);
      scope.register(tasks);
      return tasks;
    }
    String where = "@ProcessPool on " + element;
    Duration startup = AnnotationPlans.duration(where, "startupTimeout", pool.startupTimeout());
    WarmPool warm =
        new WarmPool(
            name,
            pool.size(),
            pool.maxUses(),
            template(pool),
            startup != null ? startup : scope.config().startupTimeout(),
            slot -> AnnotationPlans.poolPlan(members, element, name + "-" + slot, scope, false),
            scope);
    scope.register(warm);
    warm.startAll();
    return warm;
  }

  /** The worker command as written in the annotation, for messages. */
  private static String template(ProcessPool pool) {
    List<String> shown = new ArrayList<>();
    if (pool.javaMain() != void.class) {
      shown.add("java");
      shown.addAll(Arrays.asList(pool.jvmArgs()));
      shown.add(pool.javaMain().getName());
    } else {
      shown.addAll(Arrays.asList(pool.value()));
    }
    shown.addAll(Arrays.asList(pool.args()));
    return shown.toString();
  }
}
