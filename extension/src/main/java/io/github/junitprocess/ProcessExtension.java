package io.github.junitprocess;

import io.github.junitprocess.internal.junit.CurrentTests;
import io.github.junitprocess.internal.junit.ExtensionInstances;
import io.github.junitprocess.internal.junit.FailureReports;
import io.github.junitprocess.internal.junit.FieldInjector;
import io.github.junitprocess.internal.junit.LeakDetector;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit Jupiter extension behind {@link SpawnProcess} and {@link ProcessPool}; registered
 * automatically by those annotations, or explicitly with
 * {@code @ExtendWith(ProcessExtension.class)} to inject {@link Processes} alone.
 *
 * <p>Static fields are injected before {@code @BeforeAll} methods, instance fields before each test
 * (once per instance under {@code Lifecycle.PER_CLASS}), parameters when their method runs. Each
 * scope's processes are owned by that scope's {@code ExtensionContext.Store} and stopped, in
 * reverse order and with all descendants, when it ends (with {@code
 * junit.process.start.concurrent}, each as soon as nothing that depends on it runs). The processes
 * of a scope start in declaration order, moved later where {@code dependsOn} requires it, or
 * concurrently with that key; each scope that started processes publishes the report entry {@code
 * junit-process.startup} with their timings. A failed test gets the output tail of every process in
 * scope as suppressed exceptions, and their log files are published to the report (so does a class
 * whose own processes failed to start). After each test, processes the test started without the
 * extension and left running are reported according to {@code junit.process.leaks}.
 *
 * <p>Meant to be registered, not called or subclassed: its callbacks are JUnit's.
 *
 * @since 0.1.0
 */
public class ProcessExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  /**
   * The extension as JUnit creates it; it holds no state of its own (every process lives in the
   * store of its scope).
   *
   * @since 0.1.0
   */
  public ProcessExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!ExtensionInstances.owns(context, this)) {
      return;
    }
    FieldInjector.injectStatic(context);
    if (context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS) {
      context.getTestInstance().ifPresent(i -> FieldInjector.injectInstance(context, i));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!ExtensionInstances.owns(context, this)) {
      return;
    }
    CurrentTests.entered(context);
    LeakDetector.before(context);
    FieldInjector.injectPerMethodInstances(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!ExtensionInstances.owns(context, this)) {
      return;
    }
    try {
      if (context.getExecutionException().isPresent()) {
        FailureReports.publishLogs(context);
      }
      LeakDetector.after(context);
    } finally {
      CurrentTests.left(context);
    }
  }

  /**
   * The test method running on the calling thread, for code that works on behalf of the current
   * test without being an extension itself: the assertions module derives a snapshot's file from
   * its class, method and invocation ({@link ExtensionContext#getUniqueId()}) and reads its
   * settings through {@link ExtensionContext#getConfigurationParameter(String)}.
   *
   * <p>Present from this extension's {@code beforeEach} to its {@code afterEach} of a test in which
   * it is active ({@code @SpawnProcess}, {@code @ProcessPool} or {@code @ExtendWith}), on the
   * thread that runs the test, its {@code @BeforeEach} and {@code @AfterEach} methods; empty on
   * other threads (a test body run in a separate thread by {@code @Timeout}, threads the test
   * starts), in {@code @BeforeAll}/{@code @AfterAll} methods and outside a test. Do not keep the
   * context beyond the test.
   *
   * @return the running test's context, or empty where no test of this extension runs
   * @since 0.1.0
   */
  public static Optional<ExtensionContext> currentTest() {
    return CurrentTests.current();
  }

  /** A class that failed (a class-level process did not start, say) publishes its logs too. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (ExtensionInstances.owns(context, this) && context.getExecutionException().isPresent()) {
      FailureReports.publishLogs(context);
    }
  }

  /**
   * Constructor parameters belong to the test the instance is made for (under the default {@code
   * Lifecycle.PER_METHOD}): their processes stop after that test, not at the end of the class.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return FieldInjector.supports(parameter.getParameter());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return FieldInjector.resolve(parameter.getParameter(), context);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw enrich(context, throwable);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw enrich(context, t);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw enrich(context, t);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw enrich(context, t);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw enrich(context, t);
  }

  private Throwable enrich(ExtensionContext context, Throwable t) {
    return ExtensionInstances.owns(context, this) ? FailureReports.enrich(context, t) : t;
  }
}
