/**
 * The operating system: reading {@code /proc} (stat, children, environ), and spawning through the
 * JDK so that this JVM knows which pids are its own. Depends on nothing of the engine.
 */
package io.github.junitprocess.internal.os;
