/**
 * junit-process: a JUnit Jupiter extension that starts real OS processes for tests, captures their
 * output without ever blocking them, awaits their readiness and ends every process tree it started
 * when its scope ends.
 *
 * <p>Start with {@link io.github.junitprocess.SpawnProcess} on a field or parameter of type {@link
 * io.github.junitprocess.SpawnedProcess} (a running process) or {@link
 * io.github.junitprocess.ProcessResult} (run to completion before the test); {@link
 * io.github.junitprocess.Processes} and {@link io.github.junitprocess.ProcessSpec} start processes
 * from code, and {@link io.github.junitprocess.ProcessPool} gives a {@link
 * io.github.junitprocess.WorkerPool} of tasks or warm workers. Every exception is a {@link
 * io.github.junitprocess.ProcessException}; configuration mistakes are JUnit's {@code
 * ExtensionConfigurationException}s, raised before anything starts.
 *
 * <p>This package is the whole API. The packages under {@code io.github.junitprocess.internal} are
 * the engine: public only so that its rooms can reach one another, not documented here, and free to
 * change in any release.
 *
 * @since 0.1.0
 */
package io.github.junitprocess;
