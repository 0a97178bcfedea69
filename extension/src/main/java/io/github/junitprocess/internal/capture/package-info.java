/**
 * Output capture: pumping a stream from spawn to exit, the bounded head-and-tail copy, line
 * splitting and line waiters, log files. Knows the process writing a stream only through {@link
 * io.github.junitprocess.internal.capture.StreamOwner}; depends on {@code support}.
 */
package io.github.junitprocess.internal.capture;
