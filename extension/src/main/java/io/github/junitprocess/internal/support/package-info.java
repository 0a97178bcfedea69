/**
 * Support: the wording of messages, durations. Plain values in, strings out; depends on the public
 * API types only.
 */
package io.github.junitprocess.internal.support;
