/**
 * Planning: an annotation or a {@code ProcessSpec} becomes one launch plan (validation,
 * placeholders, ports, temp dirs, defaults from the settings, the java command), and the order
 * {@code dependsOn} gives a scope's processes. Knows the scope it plans for only as a {@link
 * io.github.junitprocess.internal.plan.PlanContext}; depends on {@code support} and {@code
 * teardown} (temp dirs).
 */
package io.github.junitprocess.internal.plan;
