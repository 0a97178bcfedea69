/**
 * The operating system: reading {@code /proc} (stat, children, environ), spawning through the JDK
 * so that this JVM knows which pids are its own, and the pseudo-terminal of terminal mode (its
 * {@code python3} keeper). Depends on nothing of the engine.
 */
package io.github.junitprocess.internal.os;
