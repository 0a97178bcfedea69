/**
 * The JUnit glue: callbacks, field and parameter injection, the start of a scope's processes
 * ({@code dependsOn}, concurrent start, the startup timings), scopes (one per JUnit context, owned
 * by its store), failure and leak reports, and the seam for running the engine without JUnit. The
 * only room that uses JUnit's callbacks and stores (planning only throws its
 * ExtensionConfigurationException); it may use every other room.
 */
package io.github.junitprocess.internal.junit;
