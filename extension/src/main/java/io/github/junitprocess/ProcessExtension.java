package io.github.junitprocess;

import io.github.junitprocess.internal.FailureReports;
import io.github.junitprocess.internal.FieldInjector;
import io.github.junitprocess.internal.LeakDetector;
import org.junit.jupiter.api.TestInstance;
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
 * reverse order and with all descendants, when it ends. A failed test gets the output tail of every
 * process in scope as suppressed exceptions, and their log files are published to the report. After
 * each test, processes the test started without the extension and left running are reported
 * according to {@code junit.process.leaks}.
 */
public class ProcessExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  @Override
  public void beforeAll(ExtensionContext context) {
    FieldInjector.injectStatic(context);
    if (context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS) {
      context.getTestInstance().ifPresent(i -> FieldInjector.injectInstance(context, i));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LeakDetector.before(context);
    FieldInjector.injectPerMethodInstances(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      FailureReports.publishLogs(context);
    }
    LeakDetector.after(context);
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
    throw FailureReports.enrich(context, throwable);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw FailureReports.enrich(context, t);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw FailureReports.enrich(context, t);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw FailureReports.enrich(context, t);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    throw FailureReports.enrich(context, t);
  }
}
