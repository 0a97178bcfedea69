package io.github.junitprocess;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a {@link WorkerPool} into a field or parameter. Scope rules are those of {@link
 * SpawnProcess}.
 *
 * <p>Without a command ({@link #value()} and {@link #javaMain()} unset) it is a <em>task pool</em>:
 * {@link WorkerPool#submit} runs commands to completion, at most {@link #size()} at once. With a
 * command it is a <em>warm pool</em>: {@link #size()} long-running workers are started in parallel
 * and each awaited ready; tests {@link WorkerPool#borrow()} them.
 *
 * <p>At the end of the scope queued tasks are cancelled, running tasks and all workers are stopped
 * with their descendants, and unfinished futures complete with {@link ProcessStoppedException}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProcessExtension.class)
public @interface ProcessPool {

  /** Number of slots (task pool) or workers (warm pool); at least 1. */
  int size();

  /** Worker command and arguments (warm pool). */
  String[] value() default {};

  /** Worker main class run in a child JVM (warm pool). */
  Class<?> javaMain() default void.class;

  /** JVM options for {@link #javaMain()}. */
  String[] jvmArgs() default {};

  /** Arguments appended to the worker command. */
  String[] args() default {};

  /** Environment entries {@code KEY=VALUE} for workers and tasks. */
  String[] env() default {};

  /** Whether processes inherit the test JVM's environment. */
  boolean inheritEnv() default true;

  /** Working directory of workers and tasks; see {@link SpawnProcess#workingDir()}. */
  String workingDir() default "";

  /** Worker readiness regex; see {@link SpawnProcess#readyLine()}. */
  String readyLine() default "";

  /** Worker readiness port; see {@link SpawnProcess#readyPort()}. */
  String readyPort() default "";

  /** Deadline for each worker to become ready, or for each task to complete. */
  String startupTimeout() default "";

  /** Grace between TERM and KILL when stopping workers and running tasks. */
  String stopTimeout() default "";

  /** How many times a worker may be borrowed before it is replaced; 0 = unlimited. */
  int maxUses() default 0;

  /** Name used in messages and log files; default the element name. */
  String name() default "";
}
