/**
 * Support: the wording of messages, durations, the engine's threads ({@link
 * io.github.junitprocess.internal.support.DaemonThreads}), warnings on stderr, and collecting the
 * problems of a close. Plain values in, strings out; depends on the public API types only.
 */
package io.github.junitprocess.internal.support;
