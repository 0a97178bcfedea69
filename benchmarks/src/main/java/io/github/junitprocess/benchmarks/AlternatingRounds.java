package io.github.junitprocess.benchmarks;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measures every {@code @Benchmark} method of one benchmark class in alternating short rounds
 * within this JVM, so that a subject and its baseline are measured seconds apart, never minutes:
 * whatever else the machine does changes both alike, and their ratio per round cancels it.
 *
 * <p>A round runs each method for one batch (at least {@code batchMillis} of wall time and at least
 * {@value #MIN_INVOCATIONS} invocations, or {@value #MIN_SLOW_INVOCATIONS} once the batch has taken
 * three times its time), the methods in name order in even rounds and in reverse order in odd
 * rounds, so that no method always runs first or right after the same one. Each batch prints one
 * line, {@code batch CLASS METHOD FORK ROUND N MEDIAN P90}, times in nanoseconds per operation
 * ({@code @OperationsPerInvocation} divides them). Warm-up rounds run the same way and print
 * nothing.
 *
 * <p>The class's JMH annotations are honoured as JMH does for one thread: {@code @State} classes
 * are created once and injected into the methods and fixtures that take them; {@code Level.Trial}
 * fixtures run once per JVM, {@code Level.Iteration} fixtures around each batch and {@code
 * Level.Invocation} fixtures around each call, outside the timed region. The same classes still run
 * under plain JMH ({@code java -jar benchmarks.jar}).
 *
 * <pre>
 * java -cp benchmarks.jar io.github.junitprocess.benchmarks.AlternatingRounds \
 *     SpawnBenchmark FORK WARMUP_ROUNDS ROUNDS BATCH_MILLIS
 * </pre>
 */
public final class AlternatingRounds {
  static final int MIN_INVOCATIONS = 5;

  /** A batch whose calls are slow (a 256 MiB capture) may stop at 3 once it ran 3× its time. */
  static final int MIN_SLOW_INVOCATIONS = 3;

  /** Bounds a batch of sub-microsecond calls (the warm pool's borrow) to what is worth keeping. */
  static final int MAX_INVOCATIONS = 20_000;

  private final Class<?> benchmarkClass;
  private final Map<Class<?>, Object> states = new LinkedHashMap<>();
  private final List<Object> trialStarted = new ArrayList<>();
  private final List<Method> benchmarks;
  private volatile Object sink;

  AlternatingRounds(Class<?> benchmarkClass) {
    this.benchmarkClass = benchmarkClass;
    this.benchmarks =
        Arrays.stream(benchmarkClass.getMethods())
            .filter(m -> m.isAnnotationPresent(Benchmark.class))
            .sorted(Comparator.comparing(Method::getName))
            .toList();
    if (benchmarks.isEmpty()) {
      throw new IllegalArgumentException(benchmarkClass + " has no @Benchmark method");
    }
  }

  public static void main(String[] args) throws Throwable {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: AlternatingRounds CLASS FORK WARMUP_ROUNDS ROUNDS BATCH_MILLIS");
    }
    String name = args[0].contains(".") ? args[0] : "io.github.junitprocess.benchmarks." + args[0];
    AlternatingRounds run = new AlternatingRounds(Class.forName(name));
    int fork = Integer.parseInt(args[1]);
    int warmups = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    long batchNanos = Long.parseLong(args[4]) * 1_000_000L;
    try {
      for (int r = 0; r < warmups + rounds; r++) {
        List<Method> order = new ArrayList<>(run.benchmarks);
        if (r % 2 == 1) {
          Collections.reverse(order);
        }
        for (Method m : order) {
          long[] times = run.batch(m, batchNanos);
          if (r >= warmups) {
            System.out.println(line(run.benchmarkClass, m, fork, r - warmups, times));
          }
        }
      }
    } finally {
      run.endTrial();
    }
    System.out.flush();
    // the benchmarks' own pools and scopes are closed; a leftover non-daemon thread of a peer
    // library must not keep this JVM alive
    System.exit(0);
  }

  static String line(Class<?> c, Method m, int fork, int round, long[] sortedTimes) {
    return String.format(
        Locale.ROOT,
        "batch %s %s %d %d %d %d %d",
        c.getSimpleName(),
        m.getName(),
        fork,
        round,
        sortedTimes.length,
        percentile(sortedTimes, 0.5),
        percentile(sortedTimes, 0.9));
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** One batch of {@code m}: its sorted times per operation, in nanoseconds. */
  private long[] batch(Method m, long batchNanos) throws Throwable {
    Set<Object> used = statesOf(m);
    for (Object state : used) {
      startTrial(state);
    }
    fixtures(used, Setup.class, Level.Iteration);
    long[] times = new long[64];
    int n = 0;
    int ops =
        m.isAnnotationPresent(OperationsPerInvocation.class)
            ? m.getAnnotation(OperationsPerInvocation.class).value()
            : 1;
    Object target = state(benchmarkClass);
    Object[] args = arguments(m);
    long start = System.nanoTime();
    try {
      while (n < MAX_INVOCATIONS && more(n, System.nanoTime() - start, batchNanos)) {
        fixtures(used, Setup.class, Level.Invocation);
        long t0 = System.nanoTime();
        try {
          sink = m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
        long t1 = System.nanoTime();
        fixtures(used, TearDown.class, Level.Invocation);
        if (n == times.length) {
          times = Arrays.copyOf(times, n * 2);
        }
        times[n++] = (t1 - t0) / ops;
      }
    } finally {
      fixtures(used, TearDown.class, Level.Iteration);
    }
    long[] result = Arrays.copyOf(times, n);
    Arrays.sort(result);
    return result;
  }

  private static boolean more(int n, long elapsed, long batchNanos) {
    if (n >= MIN_SLOW_INVOCATIONS && elapsed >= 3 * batchNanos) {
      return false;
    }
    return n < MIN_INVOCATIONS || elapsed < batchNanos;
  }

  /** The states {@code m} needs, the ones they need first; the benchmark class itself first. */
  private Set<Object> statesOf(Method m) throws Exception {
    Set<Class<?>> classes = new LinkedHashSet<>();
    classes.add(benchmarkClass);
    for (Class<?> p : m.getParameterTypes()) {
      addWithDependencies(p, classes);
    }
    Set<Object> result = new LinkedHashSet<>();
    for (Class<?> c : classes) {
      result.add(state(c));
    }
    return result;
  }

  private void addWithDependencies(Class<?> c, Set<Class<?>> into) {
    if (into.contains(c)) {
      return;
    }
    for (Method f : c.getMethods()) {
      if (f.isAnnotationPresent(Setup.class) || f.isAnnotationPresent(TearDown.class)) {
        for (Class<?> p : f.getParameterTypes()) {
          addWithDependencies(p, into);
        }
      }
    }
    into.add(c);
  }

  private Object state(Class<?> c) throws Exception {
    Object s = states.get(c);
    if (s == null) {
      if (!c.isAnnotationPresent(State.class)) {
        throw new IllegalArgumentException(c + " is no @State class");
      }
      Constructor<?> constructor = c.getDeclaredConstructor();
      constructor.setAccessible(true);
      s = constructor.newInstance();
      states.put(c, s);
    }
    return s;
  }

  private Object[] arguments(Method m) throws Exception {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = state(types[i]);
    }
    return args;
  }

  private void startTrial(Object state) throws Throwable {
    if (!trialStarted.contains(state)) {
      trialStarted.add(state);
      fixtures(List.of(state), Setup.class, Level.Trial);
    }
  }

  private void endTrial() throws Throwable {
    List<Object> started = new ArrayList<>(trialStarted);
    Collections.reverse(started);
    fixtures(started, TearDown.class, Level.Trial);
  }

  /**
   * Runs the {@code kind} fixtures of {@code level} of each state: set-ups in the given order,
   * tear-downs in reverse, as JMH does.
   */
  private void fixtures(Iterable<Object> ofStates, Class<? extends Annotation> kind, Level level)
      throws Throwable {
    List<Object> order = new ArrayList<>();
    ofStates.forEach(order::add);
    if (kind == TearDown.class) {
      Collections.reverse(order);
    }
    for (Object state : order) {
      for (Method f : state.getClass().getMethods()) {
        if (Modifier.isStatic(f.getModifiers()) || !f.isAnnotationPresent(kind)) {
          continue;
        }
        Level l =
            kind == Setup.class
                ? f.getAnnotation(Setup.class).value()
                : f.getAnnotation(TearDown.class).value();
        if (l != level) {
          continue;
        }
        try {
          f.invoke(state, arguments(f));
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
  }
}
