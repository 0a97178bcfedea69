package io.github.junitprocess.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and the heap check, then prints the table of ratios (also written to {@code
 * ratios.md} next to the jar, the raw JMH results to {@code jmh-result.json}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.junitprocess.benchmarks.BenchmarkSuite quick
 * java -cp benchmarks/target/benchmarks.jar io.github.junitprocess.benchmarks.BenchmarkSuite full
 * </pre>
 *
 * <p>{@code quick}: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement per benchmark (about 6 minutes).
 * {@code full}: the settings in the benchmarks' annotations (2 forks, 5 × 2 s warm-up, 10 × 2-4 s
 * measurement). Further arguments are JMH options and override the profile, e.g. a benchmark regex
 * or {@code -i 20}. The heap check runs unless a regex selects a subset.
 */
public final class BenchmarkSuite {
  private static final Pattern HEAP_LINE =
      Pattern.compile("heap (\\S+) peakAboveBaseline=(-?\\d+) retainedAfter=(-?\\d+)");

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    List<String> jmhArgs = new ArrayList<>(List.of(args));
    String profile = "quick";
    if (!jmhArgs.isEmpty() && List.of("quick", "full").contains(jmhArgs.get(0))) {
      profile = jmhArgs.remove(0);
    }
    CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    Path outDir = jarDirectory();
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
    if (profile.equals("quick")) {
      if (!cli.getForkCount().hasValue()) {
        options.forks(1);
      }
      if (!cli.getWarmupIterations().hasValue()) {
        options.warmupIterations(3);
      }
      if (!cli.getWarmupTime().hasValue()) {
        options.warmupTime(TimeValue.seconds(1));
      }
      if (!cli.getMeasurementIterations().hasValue()) {
        options.measurementIterations(5);
      }
      if (!cli.getMeasurementTime().hasValue()) {
        options.measurementTime(TimeValue.seconds(1));
      }
    }
    if (!cli.getResult().hasValue()) {
      options.result(outDir.resolve("jmh-result.json").toString());
    }
    if (!cli.getResultFormat().hasValue()) {
      options.resultFormat(ResultFormatType.JSON);
    }
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    Collection<RunResult> results = new Runner(options.build()).run();

    Map<String, ResultsTable.Heap> heap =
        cli.getIncludes().isEmpty() ? runHeapCheck() : new LinkedHashMap<>();
    String table =
        machineFacts(profile, loadBefore, loadAverage(), System.nanoTime() - started)
            + "\n"
            + new ResultsTable(results, heap).render();
    Files.writeString(outDir.resolve("ratios.md"), table, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println("Ratios (profile " + profile + "), also in " + outDir.resolve("ratios.md"));
    System.out.println(table);
  }

  /** What the numbers depend on: a loaded machine gives noisy ratios. */
  private static String machineFacts(
      String profile, String loadBefore, String loadAfter, long nanos) {
    return String.format(
        Locale.ROOT,
        "- profile: %s, %.1f min%n- cpus: %d, java %s (%s), %s %s%n"
            + "- load average (1, 5, 15 min) before: %s, after: %s%n",
        profile,
        nanos / 60e9,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        loadBefore,
        loadAfter);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** Runs {@link CaptureHeapCheck} in a fresh JVM and reads its result lines. */
  private static Map<String, ResultsTable.Heap> runHeapCheck() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            CaptureHeapCheck.class.getName());
    System.out.println("# Heap check: " + String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, ResultsTable.Heap> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.out.println(line);
        Matcher m = HEAP_LINE.matcher(line);
        if (m.matches()) {
          out.put(
              m.group(1),
              new ResultsTable.Heap(Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0) {
      System.out.println("# Heap check failed with exit code " + exit);
    }
    return out;
  }

  /** The directory of the benchmarks jar (benchmarks/target), where results are written. */
  private static Path jarDirectory() throws Exception {
    Path location =
        Path.of(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return Files.isDirectory(location) ? location : location.getParent();
  }
}
