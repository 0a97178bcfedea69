package io.github.junitprocess.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The table of ratios of one run: every subject against the baseline measured in the same run, with
 * the project's target for that measure. Ratios use medians (robust on a shared machine); the mean
 * ratio and the subject's 90th percentile show tails. "time" ratios are subject / baseline (lower
 * is better); "speed" ratios are baseline / subject (higher is better).
 */
final class ResultsTable {
  /** Latencies of one benchmark, in milliseconds per operation. */
  record Stats(double p50, double mean, double p90, long samples) {}

  /** What {@link CaptureHeapCheck} measured, in bytes. */
  record Heap(long peakAboveBaseline, long retainedAfter) {}

  private final Map<String, Stats> stats = new LinkedHashMap<>();
  private final Map<String, Heap> heap;
  private final StringBuilder out = new StringBuilder();

  ResultsTable(Collection<RunResult> results, Map<String, Heap> heap) {
    for (RunResult r : results) {
      String fqn = r.getParams().getBenchmark();
      String pkg = ResultsTable.class.getPackageName() + ".";
      String name = fqn.startsWith(pkg) ? fqn.substring(pkg.length()) : fqn;
      double toMillis = toMillis(r.getPrimaryResult().getScoreUnit());
      Statistics s = r.getPrimaryResult().getStatistics();
      stats.put(
          name,
          new Stats(
              s.getPercentile(50) * toMillis,
              s.getMean() * toMillis,
              s.getPercentile(90) * toMillis,
              s.getN()));
    }
    this.heap = heap;
  }

  private static double toMillis(String unit) {
    if (unit.startsWith("ms/")) {
      return 1;
    }
    if (unit.startsWith("us/")) {
      return 1e-3;
    }
    if (unit.startsWith("ns/")) {
      return 1e-6;
    }
    if (unit.startsWith("s/")) {
      return 1e3;
    }
    throw new IllegalArgumentException("unexpected unit " + unit);
  }

  String render() {
    out.append(
        "| measure | subject | baseline | subject p50 | baseline p50 | ratio p50 | ratio mean"
            + " | subject p90 | target | met |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");

    String spawn = "spawn + wait `true`";
    time(spawn, "SpawnBenchmark", "junitProcess", "rawProcessBuilder", 1.15, null);
    for (String peer : new String[] {"ztExec", "commonsExec", "nuProcess"}) {
      time(spawn, "SpawnBenchmark", peer, "rawProcessBuilder", null, null);
    }
    String tty = "terminal mode: spawn + wait `true` on a pty";
    time(tty, "SpawnBenchmark", "junitProcessTty", "junitProcess", null, null);
    time(tty, "SpawnBenchmark", "junitProcessTty", "rawProcessBuilder", null, null);
    lifecycle();
    String echo = "`echo hello`, stdout captured";
    time(echo, "EchoCaptureBenchmark", "junitProcess", "rawProcessBuilder", 1.15, null);
    time(echo, "EchoCaptureBenchmark", "junitProcessNoLogFile", "rawProcessBuilder", null, null);
    for (String peer : new String[] {"ztExec", "commonsExec", "nuProcess"}) {
      time(echo, "EchoCaptureBenchmark", peer, "rawProcessBuilder", null, null);
    }
    String capture = "capture 256 MiB (speed)";
    speed(capture, "CaptureThroughputBenchmark", "junitProcess", "rawProcessBuilder", 0.85);
    speed(
        capture, "CaptureThroughputBenchmark", "junitProcessNoLogFile", "rawProcessBuilder", null);
    for (String peer : new String[] {"ztExec", "commonsExec", "nuProcess"}) {
      speed(capture, "CaptureThroughputBenchmark", peer, "rawProcessBuilder", null);
    }
    String capture64 = "capture 256 MiB (speed) vs 64 KiB reads";
    for (String subject : new String[] {"junitProcess", "junitProcessNoLogFile", "ztExec"}) {
      speed(capture64, "CaptureThroughputBenchmark", subject, "rawProcessBuilder64KiB", null);
    }
    heap();
    time(
        "readiness: line → `awaitLine` (round trip via `cat`)",
        "ReadinessBenchmark",
        "junitProcess",
        "rawProcessBuilder",
        null,
        2.0);
    String stop = "graceful stop (exits on TERM)";
    time(stop, "GracefulStopBenchmark", "junitProcess", "rawProcessBuilder", 1.2, null);
    for (String other : new String[] {"rawWithReaders", "ztExec"}) {
      time(stop, "GracefulStopBenchmark", other, "rawProcessBuilder", null, null);
    }
    time(
        "graceful stop vs a raw stop that reads both streams",
        "GracefulStopBenchmark",
        "junitProcess",
        "rawWithReaders",
        null,
        null);
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
    Stats s = stats.get(benchmark + "." + subject);
    Stats b = stats.get(benchmark + "." + baseline);
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
    double ratio = s.p50 / b.p50;
    boolean met =
        (maxRatio == null || ratio <= maxRatio) && (maxMillis == null || s.p50 <= maxMillis);
    row(
        measure,
        subject,
        baseline,
        s,
        b,
        ratio,
        s.mean / b.mean,
        target,
        maxRatio == null && maxMillis == null ? "" : met ? "yes" : "**no**");
  }

  /** A row where higher is better: baseline time / subject time ≥ minRatio. */
  private void speed(
      String measure, String benchmark, String subject, String baseline, Double minRatio) {
    Stats s = stats.get(benchmark + "." + subject);
    Stats b = stats.get(benchmark + "." + baseline);
    String target = minRatio == null ? "" : "≥ " + fmtTarget(minRatio) + "×";
    if (s == null || b == null) {
      missing(measure, subject, baseline, target);
      return;
    }
    double ratio = b.p50 / s.p50;
    row(
        measure,
        subject,
        baseline,
        s,
        b,
        ratio,
        b.mean / s.mean,
        target,
        minRatio == null ? "" : ratio >= minRatio ? "yes" : "**no**");
  }

  /** Per-test cost of the lifecycle minus an empty test's, against a raw spawn. */
  private void lifecycle() {
    String measure = "`@SpawnProcess` lifecycle per test, minus an empty test";
    Stats spawn = stats.get("LifecycleBenchmark.spawnProcessTests");
    Stats extension = stats.get("LifecycleBenchmark.extensionOnlyTests");
    Stats empty = stats.get("LifecycleBenchmark.emptyTests");
    Stats raw = stats.get("LifecycleBenchmark.rawProcessBuilder");
    if (spawn == null || empty == null || raw == null) {
      missing(measure, "spawnProcessTests − emptyTests", "rawProcessBuilder", "≤ 1.3×");
      return;
    }
    Stats net =
        new Stats(
            spawn.p50 - empty.p50, spawn.mean - empty.mean, spawn.p90 - empty.p90, spawn.samples);
    double ratio = net.p50 / raw.p50;
    row(
        measure,
        "spawnProcessTests − emptyTests",
        "rawProcessBuilder",
        net,
        raw,
        ratio,
        net.mean / raw.mean,
        "≤ 1.3×",
        ratio <= 1.3 ? "yes" : "**no**");
    if (extension != null) {
      Stats ext =
          new Stats(
              extension.p50 - empty.p50,
              extension.mean - empty.mean,
              extension.p90 - empty.p90,
              extension.samples);
      row(
          "(extension active, no process)",
          "extensionOnlyTests − emptyTests",
          "rawProcessBuilder",
          ext,
          raw,
          ext.p50 / raw.p50,
          ext.mean / raw.mean,
          "",
          "");
    }
  }

  private void heap() {
    String measure = "heap while capturing 1 GiB (peak live heap above baseline)";
    Heap lib = heap.get("junitProcess");
    Heap raw = heap.get("rawProcessBuilder");
    if (lib == null) {
      out.append("| ")
          .append(measure)
          .append(" | junitProcess | | | | | | | < 64 MiB | not run |\n");
      return;
    }
    String rawText = raw == null ? "" : mib(raw.peakAboveBaseline) + " (raw)";
    out.append("| ")
        .append(measure)
        .append(" | junitProcess | | ")
        .append(mib(lib.peakAboveBaseline))
        .append(" | ")
        .append(rawText)
        .append(" | | | retained after: ")
        .append(mib(lib.retainedAfter))
        .append(" | < 64 MiB | ")
        .append(lib.peakAboveBaseline < 64L << 20 ? "yes" : "**no**")
        .append(" |\n");
  }

  private void row(
      String measure,
      String subject,
      String baseline,
      Stats s,
      Stats b,
      double ratioP50,
      double ratioMean,
      String target,
      String met) {
    out.append("| ")
        .append(measure)
        .append(" | ")
        .append(subject)
        .append(" | ")
        .append(baseline)
        .append(" | ")
        .append(ms(s.p50))
        .append(" | ")
        .append(ms(b.p50))
        .append(" | ")
        .append(fmt(ratioP50))
        .append("× | ")
        .append(fmt(ratioMean))
        .append("× | ")
        .append(ms(s.p90))
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
        .append(" | | | | | | ")
        .append(target)
        .append(" | not run |\n");
  }

  private static String ms(double millis) {
    return millis < 1 ? fmt(millis * 1000) + " µs" : fmt(millis) + " ms";
  }

  private static String mib(long bytes) {
    return fmt(bytes / (1024.0 * 1024.0)) + " MiB";
  }

  private static String fmtTarget(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String fmt(double v) {
    double a = Math.abs(v);
    String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
