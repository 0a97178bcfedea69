package io.github.junitprocess.internal.junit;

import io.github.junitprocess.ProcessPool;
import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.Processes;
import io.github.junitprocess.Share;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.WorkerPool;
import io.github.junitprocess.internal.plan.AnnotationPlans;
import io.github.junitprocess.internal.plan.LaunchPlan;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Injects {@link SpawnedProcess}, {@link ProcessResult}, {@link WorkerPool} and {@link Processes}
 * into fields and parameters, after checking every element of the scope; the fields of a scope are
 * started by {@link ScopeStart}, in declaration order moved later for {@code dependsOn}, or
 * concurrently.
 */
public final class FieldInjector {
  private FieldInjector() {}

  /** The static fields of the context's test class (class scope). */
  public static void injectStatic(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    inject(context, type, null, true);
  }

  /**
   * The instance fields of {@code instance}: called in {@code beforeAll} for {@code PER_CLASS}
   * classes and in {@code beforeEach} for the others.
   */
  public static void injectInstance(ExtensionContext context, Object instance) {
    inject(context, instance.getClass(), instance, false);
  }

  /** Injects the instance fields of every test instance whose class is {@code PER_METHOD}. */
  public static void injectPerMethodInstances(ExtensionContext context) {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      if (lifecycleOf(context, instance.getClass()) == TestInstance.Lifecycle.PER_METHOD) {
        injectInstance(context, instance);
      }
    }
  }

  private static TestInstance.Lifecycle lifecycleOf(ExtensionContext context, Class<?> type) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().filter(type::equals).isPresent() && c.getTestMethod().isEmpty()) {
        return c.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD);
      }
    }
    return TestInstance.Lifecycle.PER_METHOD;
  }

  private static void inject(
      ExtensionContext context, Class<?> type, Object instance, boolean statics) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : hierarchy(type)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) == statics && !f.isSynthetic() && isInjectable(f)) {
          fields.add(f);
        }
      }
    }
    if (fields.isEmpty()) {
      return;
    }
    for (Field f : fields) {
      validate(f, f.getType(), describe(f));
      if (Modifier.isFinal(f.getModifiers())) {
        throw new ExtensionConfigurationException(
            describe(f) + " must not be final: the extension assigns it");
      }
    }
    // every shared declaration is checked against the run's before anything of this class starts
    List<Field> own = new ArrayList<>();
    for (Field f : fields) {
      RunShared.Declaration shared = sharedDeclaration(f, f.getType(), describe(f), f.getName());
      if (shared != null) {
        RunShared.of(context).declare(shared);
      } else {
        own.add(f);
      }
    }
    ProcessScope scope = ProcessScope.of(context);
    if (statics && !own.isEmpty()) {
      // released last, once the processes in the fields are gone; a shared one is meant to be
      scope.register(StaticFieldClaims.claim(type, own));
    }
    List<ScopeStart.Node> nodes = new ArrayList<>();
    for (Field f : fields) {
      nodes.add(node(f, f.getType(), describe(f), f.getName(), scope, context));
    }
    ScopeStart.start(context, scope, nodes);
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      try {
        ReflectionSupport.makeAccessible(f).set(instance, nodes.get(i).value);
      } catch (IllegalAccessException e) {
        throw new ExtensionConfigurationException("cannot assign " + describe(f) + ": " + e, e);
      }
    }
  }

  private static List<Class<?>> hierarchy(Class<?> type) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      out.add(0, c);
    }
    return out;
  }

  private static boolean isInjectable(Field f) {
    return AnnotationSupport.isAnnotated(f, SpawnProcess.class)
        || AnnotationSupport.isAnnotated(f, ProcessPool.class)
        || f.getType() == Processes.class;
  }

  /** Whether the parameter is one this extension resolves. */
  public static boolean supports(Parameter p) {
    return AnnotationSupport.isAnnotated(p, SpawnProcess.class)
        || AnnotationSupport.isAnnotated(p, ProcessPool.class)
        || p.getType() == Processes.class;
  }

  public static Object resolve(Parameter p, ExtensionContext context) {
    String element = describe(p);
    validate(p, p.getType(), element);
    RunShared.Declaration shared = sharedDeclaration(p, p.getType(), element, p.getName());
    if (shared != null) {
      if (!p.isNamePresent() && shared.name.equals(p.getName())) {
        throw new ExtensionConfigurationException(
            element
                + " is shared by the run (share = RUN) under the compiler's name '"
                + p.getName()
                + "', which other parameters have too: give it a name (name = \"...\") or compile"
                + " with -parameters");
      }
      RunShared.of(context).declare(shared);
    }
    ProcessScope scope = ProcessScope.of(context);
    // parameters are resolved one by one: an earlier one, a field or an enclosing scope's process
    ScopeStart.Node node = node(p, p.getType(), element, p.getName(), scope, context);
    ScopeStart.start(context, scope, List.of(node));
    return node.value;
  }

  private static void validate(AnnotatedElement e, Class<?> type, String element) {
    Optional<SpawnProcess> spawn = AnnotationSupport.findAnnotation(e, SpawnProcess.class);
    Optional<ProcessPool> pool = AnnotationSupport.findAnnotation(e, ProcessPool.class);
    if (spawn.isPresent() && pool.isPresent()) {
      throw new ExtensionConfigurationException(
          element + " has both @SpawnProcess and @ProcessPool; use one");
    }
    if (spawn.isPresent()) {
      if (type != SpawnedProcess.class && type != ProcessResult.class) {
        throw new ExtensionConfigurationException(
            "@SpawnProcess on "
                + element
                + ": unsupported type "
                + type.getName()
                + "; supported types are SpawnedProcess (a running process) and ProcessResult"
                + " (run to completion before the test)");
      }
      AnnotationPlans.validate(AnnotationPlans.of(spawn.get()), "SpawnProcess", element, true);
    } else if (pool.isPresent()) {
      if (type != WorkerPool.class) {
        throw new ExtensionConfigurationException(
            "@ProcessPool on "
                + element
                + ": unsupported type "
                + type.getName()
                + "; the supported type is WorkerPool");
      }
      WorkerPools.validate(pool.get(), element);
    }
  }

  /** The declaration of a {@code share = RUN} element, or null for an element of its scope. */
  private static RunShared.Declaration sharedDeclaration(
      AnnotatedElement e, Class<?> type, String element, String defaultName) {
    Optional<SpawnProcess> spawn = AnnotationSupport.findAnnotation(e, SpawnProcess.class);
    if (spawn.isPresent() && spawn.get().share() == Share.RUN) {
      String name = spawn.get().name().isBlank() ? defaultName : spawn.get().name();
      return new RunShared.Declaration(name, spawn.get(), type, element);
    }
    Optional<ProcessPool> pool = AnnotationSupport.findAnnotation(e, ProcessPool.class);
    if (pool.isPresent() && pool.get().share() == Share.RUN) {
      String name = pool.get().name().isBlank() ? defaultName : pool.get().name();
      return new RunShared.Declaration(name, pool.get(), type, element);
    }
    return null;
  }

  /**
   * The element as a node of its scope's start: its name and {@code dependsOn}, and how it is
   * planned (now, on the injecting thread) and started (later, on any thread).
   */
  private static ScopeStart.Node node(
      AnnotatedElement e,
      Class<?> type,
      String element,
      String defaultName,
      ProcessScope scope,
      ExtensionContext context) {
    Optional<SpawnProcess> spawn = AnnotationSupport.findAnnotation(e, SpawnProcess.class);
    Optional<ProcessPool> pool = AnnotationSupport.findAnnotation(e, ProcessPool.class);
    if (spawn.isEmpty() && pool.isEmpty()) {
      Object processes = new ScopedProcesses(scope);
      return new ScopeStart.Node(
          element,
          null,
          new String[0],
          ScopeStart.Kind.OTHER,
          () -> new ScopeStart.Starter(null, () -> processes));
    }
    java.lang.annotation.Annotation a = spawn.isPresent() ? spawn.get() : pool.get();
    String where = "@" + a.annotationType().getSimpleName() + " on " + element;
    String given = spawn.isPresent() ? spawn.get().name() : pool.get().name();
    String name = given.isBlank() ? defaultName : given;
    String[] dependsOn = AnnotationPlans.of(a).dependsOn;
    RunShared.Declaration shared = sharedDeclaration(e, type, element, defaultName);
    if (shared != null) {
      return new ScopeStart.Node(
          where,
          name,
          dependsOn,
          ScopeStart.Kind.SHARED,
          () -> sharedStarter(e, type, element, shared, scope, context));
    }
    if (spawn.isPresent()) {
      boolean run = type == ProcessResult.class;
      return new ScopeStart.Node(
          where,
          name,
          dependsOn,
          run ? ScopeStart.Kind.RESULT : ScopeStart.Kind.PROCESS,
          () -> {
            AnnotationPlans.Members members = AnnotationPlans.of(spawn.get());
            members.syntheticName = e instanceof Parameter && !((Parameter) e).isNamePresent();
            LaunchPlan plan = AnnotationPlans.spawnPlan(members, element, defaultName, scope, run);
            return new ScopeStart.Starter(
                plan, () -> run ? scope.run(plan) : (Object) scope.start(plan));
          });
    }
    return new ScopeStart.Node(
        where,
        name,
        dependsOn,
        ScopeStart.Kind.POOL,
        () ->
            new ScopeStart.Starter(
                null, () -> WorkerPools.create(pool.get(), element, defaultName, scope)));
  }

  /** Starts the shared element in the run's scope, or finds the start another scope made. */
  private static ScopeStart.Starter sharedStarter(
      AnnotatedElement e,
      Class<?> type,
      String element,
      RunShared.Declaration shared,
      ProcessScope scope,
      ExtensionContext context) {
    RunShared run = RunShared.of(context);
    boolean[] startedHere = new boolean[1];
    ScopeStart.Starter[] self = new ScopeStart.Starter[1];
    self[0] =
        new ScopeStart.Starter(
            null,
            () -> {
              boolean readyBefore = run.isReady(shared.name);
              Object value =
                  run.obtain(
                      shared,
                      context.getRequiredTestClass().getName(),
                      startupTimeout(shared, element, scope),
                      () -> {
                        startedHere[0] = true;
                        return create(e, type, element, shared.name, run.scope());
                      });
              self[0].note =
                  startedHere[0]
                      ? "started here"
                      : readyBefore ? "found ready" : "started by another class";
              scope.useShared(value);
              return value;
            });
    return self[0];
  }

  /** How long a scope waits for a shared start another scope is making. */
  private static java.time.Duration startupTimeout(
      RunShared.Declaration shared, String element, ProcessScope scope) {
    String where = "@" + shared.annotation.annotationType().getSimpleName() + " on " + element;
    String text =
        shared.annotation instanceof SpawnProcess
            ? ((SpawnProcess) shared.annotation).startupTimeout()
            : ((ProcessPool) shared.annotation).startupTimeout();
    java.time.Duration declared = AnnotationPlans.duration(where, "startupTimeout", text);
    return declared != null ? declared : scope.config().startupTimeout();
  }

  private static Object create(
      AnnotatedElement e, Class<?> type, String element, String defaultName, ProcessScope scope) {
    Optional<SpawnProcess> spawn = AnnotationSupport.findAnnotation(e, SpawnProcess.class);
    if (spawn.isPresent()) {
      boolean run = type == ProcessResult.class;
      AnnotationPlans.Members members = AnnotationPlans.of(spawn.get());
      members.syntheticName = e instanceof Parameter && !((Parameter) e).isNamePresent();
      LaunchPlan plan = AnnotationPlans.spawnPlan(members, element, defaultName, scope, run);
      return run ? scope.run(plan) : scope.start(plan);
    }
    Optional<ProcessPool> pool = AnnotationSupport.findAnnotation(e, ProcessPool.class);
    if (pool.isPresent()) {
      return WorkerPools.create(pool.get(), element, defaultName, scope);
    }
    return new ScopedProcesses(scope);
  }

  static String describe(Field f) {
    return "field '" + f.getName() + "' in " + f.getDeclaringClass().getName();
  }

  static String describe(Parameter p) {
    java.lang.reflect.Executable ex = p.getDeclaringExecutable();
    String owner =
        ex instanceof java.lang.reflect.Constructor
            ? "constructor of " + ex.getDeclaringClass().getName()
            : ex.getDeclaringClass().getName() + "." + ex.getName() + "()";
    String note =
        p.isNamePresent()
            ? ""
            : " (the compiler's name for it: compile with -parameters to use the real one)";
    return "parameter '" + p.getName() + "'" + note + " of " + owner;
  }
}
