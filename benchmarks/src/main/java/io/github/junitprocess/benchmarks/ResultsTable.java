package io.github.junitprocess.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;

/**
 * The table of ratios of one run: every subject against the baseline measured in the same rounds
 * ({@link AlternatingRounds}), with the project's target for that measure. A ratio is taken per
 * round, from the median times of the two batches of that round, and the table gives the median of
 * those per-round ratios with their middle half (25th to 75th percentile) as the spread. "time"
 * ratios are subject / baseline (lower is better); "speed" ratios are baseline / subject (higher is
 * better). Times shown are medians over the rounds of each batch's median (p50) and 90th percentile
 * (p90).
 */
final class ResultsTable {
  /** One batch of one benchmark method in one round of one fork, times in ns per operation. */
  record Batch(String benchmark, int fork, int round, int invocations, long p50, long p90) {}

  /** What {@link CaptureHeapCheck} measured, in bytes. */
  record Heap(long peakAboveBaseline, long retainedAfter) {}

  /** A benchmark's batches by round ({@code fork * 100_000 + round}), times in milliseconds. */
  record Series(Map<Integer, Double> p50, Map<Integer, Double> p90) {
    double medianP50() {
      return median(p50.values());
    }

    double medianP90() {
      return median(p90.values());
    }
  }

  /** The per-round ratios of one row, summarised. */
  record Ratios(double median, double q1, double q3, int rounds) {}

  private final Map<String, Series> series = new LinkedHashMap<>();
  private final Map<String, Heap> heap;
  private final StringBuilder out = new StringBuilder();

  ResultsTable(List<Batch> batches, Map<String, Heap> heap) {
    for (Batch b : batches) {
      Series s =
          series.computeIfAbsent(b.benchmark(), k -> new Series(new TreeMap<>(), new TreeMap<>()));
      int key = b.fork() * 100_000 + b.round();
      s.p50.put(key, b.p50() / 1e6);
      s.p90.put(key, b.p90() / 1e6);
    }
    this.heap = heap;
  }

  /** The machine's raw spawn + wait of {@code true} (p50, ms), or NaN if it was not run. */
  double rawSpawnMillis() {
    Series raw = series.get("SpawnBenchmark.rawProcessBuilder");
    return raw == null ? Double.NaN : raw.medianP50();
  }

  /** Ratios of the rounds both ran, each {@code ratio(subject, baseline)} of that round. */
  static Ratios ratios(
      Map<Integer, Double> subject,
      Map<Integer, Double> baseline,
      ToDoubleBiFunction<Double, Double> ratio) {
    List<Double> values = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : subject.entrySet()) {
      Double b = baseline.get(e.getKey());
      if (b != null) {
        values.add(ratio.applyAsDouble(e.getValue(), b));
      }
    }
    return new Ratios(
        median(values), quantile(values, 0.25), quantile(values, 0.75), values.size());
  }

  static double median(Collection<Double> values) {
    return quantile(values, 0.5);
  }

  /** The linearly interpolated quantile (NaN for no values). */
  static double quantile(Collection<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  String render() {
    out.append(
        "| measure | subject | baseline | subject p50 | baseline p50 | ratio | ratio 25–75 %"
            + " | rounds | subject p90 | target | met |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");

    String spawn = "spawn + wait `true`";
    time(spawn, "SpawnBenchmark", "junitProcess", "rawProcessBuilder", 1.15, null);
    for (String peer : new String[] {"ztExec", "commonsExec", "nuProcess"}) {
      time(spawn, "SpawnBenchmark", peer, "rawProcessBuilder", null, null);
    }
    String tty = "terminal mode: spawn + wait `true` on a pty";
    time(tty, "SpawnBenchmark", "junitProcessTty", "junitProcess", null, null);
    time(tty, "SpawnBenchmark", "junitProcessTty", "rawProcessBuilder", null, null);
    lifecycle();
    String suite = "suite of 5 classes, each needing a server ready after 0.2 s, per class";
    time(suite, "SharedServerBenchmark", "sharedServer", "perClassServer", 0.35, null);
    time(suite, "SharedServerBenchmark", "sharedServer", "noServer", null, null);
    String starters = "a class with 3 independent processes, each ready after 0.2 s, vs one";
    time(starters, "ConcurrentStartBenchmark", "threeStartersConcurrent", "oneStarter", 1.2, null);
    time(starters, "ConcurrentStartBenchmark", "threeStartersSequential", "oneStarter", null, null);
    time(
        "a class with 3 TERM-ignoring processes (200 ms grace): concurrent vs sequential stop",
        "ConcurrentStartBenchmark",
        "threeStubbornConcurrent",
        "threeStubbornSequential",
        null,
        null);
    String echo = "`echo hello`, stdout captured";
    time(echo, "EchoCaptureBenchmark", "junitProcess", "rawProcessBuilder", 1.15, null);
    time(echo, "EchoCaptureBenchmark", "junitProcessNoLogFile", "rawProcessBuilder", null, null);
    for (String peer : new String[] {"ztExec", "commonsExec", "nuProcess"}) {
      time(echo, "EchoCaptureBenchmark", peer, "rawProcessBuilder", null, null);
    }
    String capture = "capture 256 MiB with the log file (speed) vs raw read + write to a file";
    speed(capture, "CaptureThroughputBenchmark", "junitProcess", "rawReadAndWriteFile", 0.9);
    String read = "capture 256 MiB (speed) vs raw read (`transferTo`)";
    for (String subject :
        new String[] {
          "junitProcess",
          "junitProcessNoLogFile",
          "rawReadAndWriteFile",
          "ztExec",
          "commonsExec",
          "nuProcess"
        }) {
      speed(read, "CaptureThroughputBenchmark", subject, "rawProcessBuilder", null);
    }
    String capture64 = "capture 256 MiB (speed) vs raw 64 KiB reads";
    for (String subject : new String[] {"junitProcessNoLogFile", "ztExec"}) {
      speed(capture64, "CaptureThroughputBenchmark", subject, "rawProcessBuilder64KiB", null);
    }
    String live = "capture 500 000 lines (13 MiB) with the live echo on (speed) vs off";
    speed(live, "LiveEchoBenchmark", "echoOn", "echoOff", null);
    speed(live, "LiveEchoBenchmark", "lineCallback", "echoOff", null);
    String echoAlone =
        "the live echo's own cost (speed): echo on vs a line callback that does nothing";
    speed(echoAlone, "LiveEchoBenchmark", "echoOn", "lineCallback", null);
    heap();
    time(
        "readiness: line → `awaitLine` (round trip via `cat`)",
        "ReadinessBenchmark",
        "junitProcess",
        "rawProcessBuilder",
        null,
        2.0);
    time(
        "graceful stop (exits on TERM) vs a raw stop that drains both streams",
        "GracefulStopBenchmark",
        "junitProcess",
        "rawWithReaders",
        1.2,
        null);
    String stop = "graceful stop (exits on TERM) vs raw `destroy(); waitFor()`";
    for (String other : new String[] {"junitProcess", "rawWithReaders", "ztExec"}) {
      time(stop, "GracefulStopBenchmark", other, "rawProcessBuilder", null, null);
    }
    String tree = "teardown root + 50 descendants";
    time(tree, "TreeTeardownBenchmark", "junitProcessKill", "rawProcessBuilder", 1.0, 10.0);
    time(tree, "TreeTeardownBenchmark", "junitProcessStop", "rawProcessBuilder", 1.0, 10.0);
    speed(
        "warm pool `borrow()`+`close()` (speed-up)",
        "WarmPoolBenchmark",
        "borrowAndClose",
        "coldJvmToReadyLine",
        100.0);
    String tasks = "task pool size 2, 200 × `true` (per task)";
    speed(tasks, "TaskPoolBenchmark", "junitProcessPool", "idealTwoThreads", 0.9);
    speed(tasks, "TaskPoolBenchmark", "ztExecTwoThreads", "idealTwoThreads", null);
    time(
        "reaper start-up (once per JVM)",
        "ReaperStartBenchmark",
        "reaperStart",
        "rawProcessBuilder",
        5.0,
        null);
    return out.toString();
  }

  /** A row where lower is better: subject time / baseline time ≤ maxRatio, p50 ≤ maxMillis. */
  private void time(
      String measure,
      String benchmark,
      String subject,
      String baseline,
      Double maxRatio,
      Double maxMillis) {
    Series s = series.get(benchmark + "." + subject);
    Series b = series.get(benchmark + "." + baseline);
    String target = "";
    if (maxRatio != null) {
      target = "≤ " + fmtTarget(maxRatio) + "×";
    }
    if (maxMillis != null) {
      target += (target.isEmpty() ? "" : ", ") + "p50 ≤ " + fmtTarget(maxMillis) + " ms";
    }
    if (s == null || b == null) {
      missing(measure, subject, baseline, target);
      return;
    }
    Ratios r = ratios(s.p50, b.p50, (x, y) -> x / y);
    boolean met =
        (maxRatio == null || r.median <= maxRatio)
            && (maxMillis == null || s.medianP50() <= maxMillis);
    row(
        measure,
        subject,
        baseline,
        s.medianP50(),
        b.medianP50(),
        r,
        s.medianP90(),
        target,
        maxRatio == null && maxMillis == null ? "" : met ? "yes" : "**no**");
  }

  /** A row where higher is better: baseline time / subject time ≥ minRatio. */
  private void speed(
      String measure, String benchmark, String subject, String baseline, Double minRatio) {
    Series s = series.get(benchmark + "." + subject);
    Series b = series.get(benchmark + "." + baseline);
    String target = minRatio == null ? "" : "≥ " + fmtTarget(minRatio) + "×";
    if (s == null || b == null) {
      missing(measure, subject, baseline, target);
      return;
    }
    Ratios r = ratios(s.p50, b.p50, (x, y) -> y / x);
    row(
        measure,
        subject,
        baseline,
        s.medianP50(),
        b.medianP50(),
        r,
        s.medianP90(),
        target,
        minRatio == null ? "" : r.median >= minRatio ? "yes" : "**no**");
  }

  /**
   * Per-test cost of the lifecycle minus an empty test's (in the same round), against a raw spawn.
   */
  private void lifecycle() {
    String measure = "`@SpawnProcess` lifecycle per test, minus an empty test";
    Series spawn = series.get("LifecycleBenchmark.spawnProcessTests");
    Series extension = series.get("LifecycleBenchmark.extensionOnlyTests");
    Series empty = series.get("LifecycleBenchmark.emptyTests");
    Series raw = series.get("LifecycleBenchmark.rawProcessBuilder");
    if (spawn == null || empty == null || raw == null) {
      missing(measure, "spawnProcessTests − emptyTests", "rawProcessBuilder", "≤ 1.3×");
      return;
    }
    Series net = minus(spawn, empty);
    Ratios r = ratios(net.p50, raw.p50, (x, y) -> x / y);
    row(
        measure,
        "spawnProcessTests − emptyTests",
        "rawProcessBuilder",
        net.medianP50(),
        raw.medianP50(),
        r,
        net.medianP90(),
        "≤ 1.3×",
        r.median <= 1.3 ? "yes" : "**no**");
    if (extension != null) {
      Series ext = minus(extension, empty);
      row(
          "(extension active, no process)",
          "extensionOnlyTests − emptyTests",
          "rawProcessBuilder",
          ext.medianP50(),
          raw.medianP50(),
          ratios(ext.p50, raw.p50, (x, y) -> x / y),
          ext.medianP90(),
          "",
          "");
    }
  }

  /** {@code a − b} round by round (the rounds both ran). */
  private static Series minus(Series a, Series b) {
    Map<Integer, Double> p50 = new TreeMap<>();
    Map<Integer, Double> p90 = new TreeMap<>();
    a.p50.forEach(
        (round, v) -> {
          if (b.p50.containsKey(round)) {
            p50.put(round, v - b.p50.get(round));
            p90.put(round, a.p90.get(round) - b.p90.get(round));
          }
        });
    return new Series(p50, p90);
  }

  private void heap() {
    String measure = "heap while capturing 1 GiB (peak live heap above baseline)";
    Heap lib = heap.get("junitProcess");
    Heap raw = heap.get("rawProcessBuilder");
    if (lib == null) {
      out.append("| ")
          .append(measure)
          .append(" | junitProcess | | | | | | | | < 64 MiB | not run |\n");
      return;
    }
    String rawText = raw == null ? "" : mib(raw.peakAboveBaseline) + " (raw)";
    out.append("| ")
        .append(measure)
        .append(" | junitProcess | | ")
        .append(mib(lib.peakAboveBaseline))
        .append(" | ")
        .append(rawText)
        .append(" | | | | retained after: ")
        .append(mib(lib.retainedAfter))
        .append(" | < 64 MiB | ")
        .append(lib.peakAboveBaseline < 64L << 20 ? "yes" : "**no**")
        .append(" |\n");
  }

  private void row(
      String measure,
      String subject,
      String baseline,
      double subjectP50,
      double baselineP50,
      Ratios r,
      double subjectP90,
      String target,
      String met) {
    out.append("| ")
        .append(measure)
        .append(" | ")
        .append(subject)
        .append(" | ")
        .append(baseline)
        .append(" | ")
        .append(ms(subjectP50))
        .append(" | ")
        .append(ms(baselineP50))
        .append(" | ")
        .append(fmt(r.median))
        .append("× | ")
        .append(fmt(r.q1))
        .append("–")
        .append(fmt(r.q3))
        .append("× | ")
        .append(r.rounds)
        .append(" | ")
        .append(ms(subjectP90))
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(met)
        .append(" |\n");
  }

  private void missing(String measure, String subject, String baseline, String target) {
    out.append("| ")
        .append(measure)
        .append(" | ")
        .append(subject)
        .append(" | ")
        .append(baseline)
        .append(" | | | | | | | ")
        .append(target)
        .append(" | not run |\n");
  }

  static String ms(double millis) {
    return millis < 1 ? fmt(millis * 1000) + " µs" : fmt(millis) + " ms";
  }

  private static String mib(long bytes) {
    return fmt(bytes / (1024.0 * 1024.0)) + " MiB";
  }

  private static String fmtTarget(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  static String fmt(double v) {
    double a = Math.abs(v);
    String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
