/**
 * Teardown: stopping process trees by pid and start time, finding escaped processes by their
 * marker, the reaper sidecar that kills everything when the JVM dies, and the temp dirs it deletes.
 * Depends on {@code os} only; knows no handle.
 */
package io.github.junitprocess.internal.teardown;
