/**
 * Launch: spawning a plan, the live handle, readiness, waiting for a run to completion, and the
 * messages about a live process. Depends on {@code plan}, {@code capture}, {@code teardown}, {@code
 * os} and {@code support}.
 */
package io.github.junitprocess.internal.launch;
