package io.github.junitprocess;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a {@link WorkerPool} into a field or parameter of that type. Scope rules are those of
 * {@link SpawnProcess}: a static field gives one pool for the test class, an instance field or a
 * parameter one pool per test.
 *
 * <p>Without a command ({@link #value()} and {@link #javaMain()} unset) it is a <em>task pool</em>:
 * {@link WorkerPool#submit}, {@link WorkerPool#execute} and {@link WorkerPool#runAll} run commands
 * to completion, at most {@link #size()} at once. Its {@link #env()}, {@link #inheritEnv()}, {@link
 * #workingDir()}, {@link #startupTimeout()} and {@link #stopTimeout()} are defaults for the tasks,
 * expanded once for the pool (one {@code ${tempDir}} shared by its tasks).
 *
 * <pre>{@code
 * @ProcessPool(size = 4)
 * static WorkerPool tasks;
 * }</pre>
 *
 * <p>With a command it is a <em>warm pool</em>: {@link #size()} long-running workers are started in
 * parallel and each awaited ready ({@link #readyLine()}, {@link #readyPort()}); tests {@link
 * WorkerPool#borrow()} them. Placeholders are expanded for each worker, so each has its own {@code
 * ${port}} and {@code ${tempDir}}; workers are named {@code <name>-1}, {@code <name>-2}, …. If a
 * worker cannot start or become ready, the others are stopped and the scope fails with its {@link
 * ProcessStartException}, {@link ProcessTimeoutException} or {@link ProcessExitedException}.
 *
 * <pre>{@code
 * @ProcessPool(size = 3, value = {"python3", "worker.py", "--port", "${port}"}, readyPort = "${port}")
 * WorkerPool workers;
 * }</pre>
 *
 * <p>At the end of the scope queued tasks are cancelled, running tasks and all workers are stopped
 * with their descendants (stop signal TERM, then KILL after {@link #stopTimeout()}), and unfinished
 * futures complete with {@link ProcessStoppedException}.
 *
 * <p>Mistakes are {@code ExtensionConfigurationException}s naming the element, raised before
 * anything starts: {@code size < 1}, {@code maxUses < 0}, both or neither of a command where one is
 * needed, {@link #args()}, {@link #readyLine()}, {@link #readyPort()} or {@link #maxUses()} on a
 * task pool, and any invalid member as for {@link SpawnProcess}.
 *
 * @since 0.1.0
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProcessExtension.class)
public @interface ProcessPool {

  /**
   * Number of slots (task pool) or workers (warm pool). Required.
   *
   * @return at least 1
   * @since 0.1.0
   */
  int size();

  /**
   * Worker command and arguments, placeholders expanded per worker; makes a warm pool.
   *
   * @return the command; none (a task pool) by default
   * @since 0.1.0
   */
  String[] value() default {};

  /**
   * Worker main class run in a child JVM, instead of {@link #value()}; makes a warm pool.
   *
   * <p>Each worker inherits from the test JVM: its JaCoCo agent (so the coverage report counts what
   * the workers ran; written when a worker exits gracefully, lost when it is killed; {@code
   * junit.process.java.coverage=off} turns it off), and {@code -ea} when the test JVM runs the main
   * class with assertions; {@code jvmArgs} come after these and win. {@code
   * junit.process.java.debug} with the pool's name makes its workers wait for a debugger; when a
   * worker is not ready in time, its thread dump is taken before it is killed.
   *
   * @return the main class; {@code void.class} (the default) for none
   * @since 0.1.0
   */
  Class<?> javaMain() default void.class;

  /**
   * JVM options for {@link #javaMain()}, placed before the main class.
   *
   * @return the options; none by default
   * @since 0.1.0
   */
  String[] jvmArgs() default {};

  /**
   * Arguments appended to the worker command (warm pool only).
   *
   * @return the arguments; none by default
   * @since 0.1.0
   */
  String[] args() default {};

  /**
   * Environment entries {@code KEY=VALUE} for workers, or defaults for tasks (a task's own entries
   * win).
   *
   * @return entries {@code KEY=VALUE}; none by default
   * @since 0.1.0
   */
  String[] env() default {};

  /**
   * Whether processes inherit the test JVM's environment (default true). A task inherits it only if
   * both the pool and its spec allow it.
   *
   * @return whether to inherit; {@code true} by default
   * @since 0.1.0
   */
  boolean inheritEnv() default true;

  /**
   * Working directory of workers and tasks; see {@link SpawnProcess#workingDir()}.
   *
   * @return the directory; {@code ""} (the test JVM's) by default
   * @since 0.1.0
   */
  String workingDir() default "";

  /**
   * Worker readiness regex; see {@link SpawnProcess#readyLine()}. Warm pool only.
   *
   * @return the regex; {@code ""} (the default) for none
   * @since 0.1.0
   */
  String readyLine() default "";

  /**
   * Worker readiness port, usually {@code "${port}"}; see {@link SpawnProcess#readyPort()}. Warm
   * pool only.
   *
   * @return the port; {@code ""} (the default) for none
   * @since 0.1.0
   */
  String readyPort() default "";

  /**
   * Deadline for each worker to become ready, and how long {@link WorkerPool#borrow()} waits for a
   * free one; for a task pool, the default deadline of each task to complete. {@code ""} = {@code
   * junit.process.startup.timeout} (30s).
   *
   * @return the timeout; {@code ""} by default
   * @since 0.1.0
   */
  String startupTimeout() default "";

  /**
   * Grace between TERM and KILL when stopping workers and running tasks. {@code ""} = {@code
   * junit.process.stop.timeout} (10s).
   *
   * @return the grace; {@code ""} by default
   * @since 0.1.0
   */
  String stopTimeout() default "";

  /**
   * How many times a worker may be borrowed before it is replaced. Warm pool only.
   *
   * @return the number of borrows; 0 (the default) for unlimited
   * @since 0.1.0
   */
  int maxUses() default 0;

  /**
   * Name used in messages, thread names and worker names.
   *
   * @return the name; {@code ""} (the default) for the field or parameter name
   * @since 0.1.0
   */
  String name() default "";

  /**
   * The names of processes that must be ready before this pool's workers are spawned: processes of
   * the same scope, of an enclosing scope (the test class for an instance field, the outer class of
   * a {@code @Nested} class) or shared by the run ({@link Share#RUN}); a {@link ProcessPool} is
   * ready when all its warm workers are, a {@link ProcessResult} when it has finished. Within a
   * scope the processes start in declaration order, moved later only where a dependency requires
   * it, or all whose dependencies are ready at once with {@code
   * junit.process.start.concurrent=true}; a process is stopped before anything it depends on. A
   * name that none of those scopes holds, or a cycle, is an {@code ExtensionConfigurationException}
   * raised before anything of the scope starts. When a dependency fails to start, its dependents
   * are not started and the failure names them.
   *
   * @return the names to wait for; none by default
   * @since 0.1.0
   */
  String[] dependsOn() default {};

  /**
   * {@link Share#RUN} makes this one pool for the whole test run, shared by every class that
   * declares it under the same name (the given {@code name}, else the field or parameter name): its
   * workers are started once, on first use, and stopped when the run ends. Every declaration of
   * that name must have the same members; a difference is an {@code
   * ExtensionConfigurationException} naming both declarations and the member, raised before
   * anything of the second starts.
   *
   * @return how widely the pool is shared; {@link Share#NONE} (scoped by declaration) by default
   * @since 0.1.0
   */
  Share share() default Share.NONE;
}
