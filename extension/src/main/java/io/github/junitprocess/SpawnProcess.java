package io.github.junitprocess;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a process for a test and injects a handle to it.
 *
 * <p>Annotate a field or parameter of type {@link SpawnedProcess} (a running process, stopped after
 * its scope) or {@link ProcessResult} (the process is run to completion before the test, within
 * {@link #startupTimeout()}). A {@code static} field lives for the test class (started before
 * {@code @BeforeAll}), an instance field for one test (one test instance under {@code
 * Lifecycle.PER_CLASS}), a parameter for the method it belongs to. Within a scope, processes start
 * in declaration order and stop in reverse order, each with all its descendants.
 *
 * <p>String members may use placeholders: {@code ${port}}, {@code ${port.NAME}}, {@code
 * ${tempDir}}, {@code ${tempDir.NAME}}, {@code ${java}}, {@code ${classpath}}, {@code ${env.NAME}},
 * {@code ${sys.NAME}}; <code>$${</code> writes a literal <code>${</code>. {@code ${port.NAME}} is a
 * free port that belongs to the scope where it is first used and is seen by the scopes inside it (a
 * class's static processes and its tests, an outer class and its {@code @Nested} classes), never by
 * two tests or two classes that are not nested in one another. A process's own {@code ${port}} is
 * the port of its {@link #name()} in its own scope: a client reaches a server named {@code api} (or
 * a field {@code api}) through {@code ${port.api}}. {@code ${tempDir.NAME}} is, in the same way,
 * one directory per name and scope, shared by the processes of that scope that name it and deleted
 * when the scope ends.
 *
 * <p>Configuration mistakes (wrong field type, both or neither of {@link #value()} and {@link
 * #javaMain()}, unknown placeholder, bad duration) raise an {@code ExtensionConfigurationException}
 * naming the element before anything starts. A process that cannot start, exits before it is ready
 * or is not ready in time fails the test with {@link ProcessStartException}, {@link
 * ProcessExitedException} or {@link ProcessTimeoutException}.
 *
 * <p>Meta-annotated with {@code @ExtendWith(ProcessExtension.class)}; usable as a meta-annotation.
 *
 * @since 0.1.0
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProcessExtension.class)
public @interface SpawnProcess {

  /**
   * The command and its arguments. Exactly one of {@code value} and {@link #javaMain()}.
   *
   * @return the program (a path, or a name looked up on {@code PATH}) and its arguments; none by
   *     default
   * @since 0.1.0
   */
  String[] value() default {};

  /**
   * A main class to run in a child JVM: {@code ${java} <jvmArgs> -cp ${classpath} <main> <args>},
   * the same java and classpath as the test JVM. Exactly one of {@link #value()} and {@code
   * javaMain}.
   *
   * <p>The child inherits from the test JVM: its JaCoCo agent (so the coverage report counts what
   * the child ran; written when the child exits gracefully, lost when it is killed; {@code
   * junit.process.java.coverage=off} turns it off), and {@code -ea} when the test JVM runs the main
   * class with assertions; {@code jvmArgs} come after these and win. {@code
   * junit.process.java.debug} makes it wait for a debugger; when it is not ready in time, its
   * thread dump is taken before it is killed.
   *
   * @return the main class; {@code void.class} (the default) for none
   * @since 0.1.0
   */
  Class<?> javaMain() default void.class;

  /**
   * JVM options for {@link #javaMain()}, placed before the main class; only with {@code javaMain}.
   *
   * @return the options; none by default
   * @since 0.1.0
   */
  String[] jvmArgs() default {};

  /**
   * Arguments appended after {@link #value()} or {@link #javaMain()}.
   *
   * @return the arguments; none by default
   * @since 0.1.0
   */
  String[] args() default {};

  /**
   * Environment variables set over the inherited ones.
   *
   * @return entries {@code KEY=VALUE} ({@code KEY=} sets an empty value); none by default
   * @since 0.1.0
   */
  String[] env() default {};

  /**
   * Whether the process inherits the test JVM's environment.
   *
   * @return {@code true} (the default) to inherit it; {@code false} for {@link #env()} alone
   * @since 0.1.0
   */
  boolean inheritEnv() default true;

  /**
   * Working directory; {@code ""} is the test JVM's, {@code "${tempDir}"} a fresh directory for
   * this process, deleted when its scope ends (and by the reaper if the JVM dies). Relative paths
   * resolve against the test JVM's.
   *
   * @return the directory; {@code ""} by default
   * @since 0.1.0
   */
  String workingDir() default "";

  /**
   * A file redirected to stdin; a relative path resolves against the test JVM's working directory.
   *
   * @return the file; {@code ""} (the default) gives a pipe the test writes to
   * @since 0.1.0
   */
  String stdin() default "";

  /**
   * Name used in messages, log file names and {@code ${port.NAME}}; default the field or parameter
   * name. A parameter's name is known only when the test is compiled with {@code -parameters};
   * without it the name is {@code arg0}, and messages say so.
   *
   * @return the name; {@code ""} (the default) for the field or parameter name
   * @since 0.1.0
   */
  String name() default "";

  /**
   * A regex: the process is ready when it is found in a line of stdout or stderr. Readiness members
   * combine: every one given must hold, under one {@link #startupTimeout()}.
   *
   * @return the regex; {@code ""} (the default) for none
   * @since 0.1.0
   */
  String readyLine() default "";

  /**
   * A port: the process is ready when a TCP connection to 127.0.0.1 on it succeeds.
   *
   * @return {@code "${port}"}, {@code "${port.NAME}"} or a number; {@code ""} (the default) for
   *     none
   * @since 0.1.0
   */
  String readyPort() default "";

  /**
   * A custom check, created through its no-arg constructor and polled with backoff until it returns
   * {@code true}; an exception it throws counts as not ready yet.
   *
   * @return the check's class; {@code ReadinessCheck.class} (the default) for none
   * @since 0.1.0
   */
  Class<? extends ReadinessCheck> readyCheck() default ReadinessCheck.class;

  /**
   * Deadline for readiness, or for a run to completion: {@code "500ms"}, {@code "30s"}, {@code
   * "2m"}; {@code ""} means {@code junit.process.startup.timeout} (default 30s).
   *
   * @return the timeout; {@code ""} by default
   * @since 0.1.0
   */
  String startupTimeout() default "";

  /**
   * The signal sent first when stopping.
   *
   * @return the signal; {@link Signal#TERM} by default
   * @since 0.1.0
   */
  Signal stopSignal() default Signal.TERM;

  /**
   * Grace after {@link #stopSignal()} before {@code KILL}; {@code ""} means {@code
   * junit.process.stop.timeout} (default 10s).
   *
   * @return the grace; {@code ""} by default
   * @since 0.1.0
   */
  String stopTimeout() default "";

  /**
   * The names of processes that must be ready before this one is spawned: processes of the same
   * scope, of an enclosing scope (the test class for an instance field, the outer class of a
   * {@code @Nested} class) or shared by the run ({@link Share#RUN}); a {@link ProcessPool} is ready
   * when all its warm workers are, a {@link ProcessResult} when it has finished. Within a scope the
   * processes start in declaration order, moved later only where a dependency requires it, or all
   * whose dependencies are ready at once with {@code junit.process.start.concurrent=true}; a
   * process is stopped before anything it depends on. A name that none of those scopes holds, or a
   * cycle, is an {@code ExtensionConfigurationException} raised before anything of the scope
   * starts. When a dependency fails to start, its dependents are not started and the failure names
   * them.
   *
   * @return the names to wait for; none by default
   * @since 0.1.0
   */
  String[] dependsOn() default {};

  /**
   * {@link Share#RUN} makes this one process for the whole test run, shared by every class that
   * declares it under the same name (the given {@code name}, else the field or parameter name): it
   * is started once, on first use, and stopped when the run ends. Every declaration of that name
   * must have the same members; a difference is an {@code ExtensionConfigurationException} naming
   * both declarations and the member, raised before anything of the second starts. {@code stop()}
   * and {@code kill()} of a shared handle throw {@code IllegalStateException}; a shared process
   * that has exited by the time a scope needs it fails that scope with {@link
   * ProcessExitedException} (it is not restarted).
   *
   * @return how widely the process is shared; {@link Share#NONE} (scoped by declaration) by default
   * @since 0.1.0
   */
  Share share() default Share.NONE;

  /**
   * Redirects stderr into stdout: one stream, in arrival order; {@link SpawnedProcess#stderr()}
   * stays empty.
   *
   * @return {@code true} to merge; {@code false} by default
   * @since 0.1.0
   */
  boolean mergeStderr() default false;

  /**
   * Terminal mode: runs the process on a new pseudo-terminal (default {@code false}), for programs
   * that behave differently on a terminal (prompts, colours, password input, line buffering).
   *
   * <ul>
   *   <li>stdin, stdout and stderr are the terminal, which is the process's controlling terminal:
   *       {@code isatty} is true on all three, {@code /dev/tty} opens, {@code getpass} works, and
   *       {@code tput cols} / {@code tput lines} / {@code stty size} report {@link #ttySize()}.
   *   <li>{@link SpawnedProcess#stdout()} holds everything the terminal shows, typed input echoed
   *       as a real terminal echoes it; {@link SpawnedProcess#stderr()} is empty. {@code bytes()}
   *       is raw (lines end in {@code \r\n}); {@code text()} and {@code lines()} read {@code \r\n}
   *       as a line end.
   *   <li>The last line while it is unfinished (a prompt waiting for input) counts as a line for
   *       {@code awaitLine}, {@code awaitMatch} and {@link #readyLine()}: {@code
   *       stdout().awaitMatch("Password: $", timeout)} returns once the prompt is shown.
   *   <li>{@link SpawnedProcess#write(String)} types into the terminal, {@link
   *       SpawnedProcess#writeLine(String)} types the line and Enter ({@code \r}), {@link
   *       SpawnedProcess#closeStdin()} types Ctrl-D (end of file; twice after an unfinished line,
   *       whose first Ctrl-D only hands the line over), and {@link SpawnedProcess#signal(Signal)
   *       signal(INT)} reaches the program as Ctrl-C would.
   *   <li>{@code TERM} is the one given in {@link #env()}, else {@code xterm-256color}; {@code
   *       COLUMNS} and {@code LINES} are not inherited (they would override the terminal's size)
   *       unless given in {@link #env()}.
   *   <li>Readiness, exit codes, signals, stop and teardown of the whole tree work as for any
   *       process. The terminal is held by a small {@code python3} process that runs the program as
   *       its child: {@link SpawnedProcess#pid()} is that process's, and {@link
   *       SpawnedProcess#descendants()} starts with the program; its exit code or signal is the
   *       program's.
   * </ul>
   *
   * <p>Needs {@code python3} (any 3.x; standard library only) on the test JVM's PATH and a system
   * with pseudo-terminals (Linux, macOS). Where that is missing the start fails with a {@link
   * ProcessStartException} saying what terminal mode needs.
   *
   * @return {@code true} for a pseudo-terminal; {@code false} (pipes) by default
   * @since 0.1.0
   */
  boolean tty() default false;

  /**
   * The size of the terminal of {@link #tty()}, {@code COLUMNSxROWS} (default {@code "80x24"});
   * each 1..65535. A malformed size, or a size other than the default without {@code tty = true},
   * raises an {@code ExtensionConfigurationException} before anything starts.
   *
   * @return the terminal's size, {@code "80x24"} by default
   * @since 0.1.0
   */
  String ttySize() default "80x24";
}
