/**
 * Output capture: pumping a stream from spawn to exit, the bounded head-and-tail copy, line
 * splitting and line waiters, log files. Knows the process writing a stream only through {@link
 * io.github.junitprocess.internal.capture.StreamOwner}; depends on {@code support}.
 *
 * <p>{@code OutputCapture} is the {@code Output} of one stream and composes the rest, one idea a
 * class: {@code OutputPump} reads the pipe on a {@code CaptureThreads} thread; {@code
 * HeadTailBuffer} is the memory copy; {@code LogSpill} decides when the {@code LogFile} is written;
 * {@code LineListeners} hands the lines of a {@code LineSplitter} to the {@code LineWaiter}s and
 * the line callback. {@code LiveEcho} prints the echoed chunks, prefixed line by line, on one
 * printer thread. One lock per stream, its capture's, guards them all.
 */
package io.github.junitprocess.internal.capture;
