/**
 * The operating system: reading {@code /proc} (stat, children, environ; the parsing is pure and
 * unit-tested), spawning through the JDK so that this JVM knows which pids are its own, finding the
 * system tools the engine runs ({@code sh}, {@code setsid}, {@code env}, {@code kill}), and the
 * pseudo-terminal of terminal mode (its {@code python3} keeper). Depends on nothing of the engine.
 */
package io.github.junitprocess.internal.os;
