package io.github.junitprocess.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the benchmarks in alternating rounds ({@link AlternatingRounds}, one fresh JVM per benchmark
 * class and fork) and the heap check, then prints the table of ratios (also written to {@code
 * ratios.md} next to the jar, each batch's times to {@code rounds.txt}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.junitprocess.benchmarks.BenchmarkSuite quick
 * java -cp benchmarks/target/benchmarks.jar io.github.junitprocess.benchmarks.BenchmarkSuite full
 * </pre>
 *
 * <p>{@code quick}: 1 fork per class, 2 warm-up rounds and 10 measured rounds of 150 ms batches
 * (about 5 minutes). {@code full}: 2 forks, 3 warm-up rounds and 16 measured rounds of 300 ms
 * batches. Further arguments: a regex that selects benchmark classes by simple name (and skips the
 * heap check), and {@code --forks N}, {@code --warmup N}, {@code --rounds N}, {@code --batch-ms N}
 * to override the profile.
 */
public final class BenchmarkSuite {
  private static final Pattern HEAP_LINE =
      Pattern.compile("heap (\\S+) peakAboveBaseline=(-?\\d+) retainedAfter=(-?\\d+)");
  private static final Pattern BATCH_LINE =
      Pattern.compile("batch (\\S+) (\\S+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)");

  /**
   * The signals of HUP, INT and QUIT that this JVM ignores, as it does when started by {@code
   * nohup} or as a background job. A JVM that ignores one makes junit-process start every process
   * through {@code env --default-signal} (one exec more per spawn, so that the process can be
   * signalled); the forks are started with the default actions back, as a build in a terminal has
   * them, so that the numbers do not depend on how the suite was started.
   */
  private static final List<String> IGNORED = ignoredSignals();

  /** The command words that start a fork with {@link #IGNORED} reset; empty when none is. */
  private static final List<String> DEFAULT_SIGNALS =
      IGNORED.isEmpty()
          ? List.of()
          : List.of("env", "--default-signal=" + String.join(",", IGNORED));

  /** The benchmark classes, in the order they run and appear in the table. */
  static final List<Class<?>> CLASSES =
      List.of(
          SpawnBenchmark.class,
          LifecycleBenchmark.class,
          SharedServerBenchmark.class,
          EchoCaptureBenchmark.class,
          CaptureThroughputBenchmark.class,
          LiveEchoBenchmark.class,
          ReadinessBenchmark.class,
          GracefulStopBenchmark.class,
          TreeTeardownBenchmark.class,
          WarmPoolBenchmark.class,
          TaskPoolBenchmark.class,
          ReaperStartBenchmark.class,
          ConcurrentStartBenchmark.class);

  /** How many rounds of which length: a profile, or the profile with overrides. */
  record Plan(int forks, int warmups, int rounds, int batchMillis) {
    static Plan of(String profile) {
      return profile.equals("full") ? new Plan(2, 3, 16, 300) : new Plan(1, 2, 10, 150);
    }
  }

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    String profile = "quick";
    if (!rest.isEmpty() && List.of("quick", "full").contains(rest.get(0))) {
      profile = rest.remove(0);
    }
    Plan plan = Plan.of(profile);
    Pattern select = null;
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      switch (a) {
        case "--forks" ->
            plan = new Plan(intArg(rest, ++i), plan.warmups, plan.rounds, plan.batchMillis);
        case "--warmup" ->
            plan = new Plan(plan.forks, intArg(rest, ++i), plan.rounds, plan.batchMillis);
        case "--rounds" ->
            plan = new Plan(plan.forks, plan.warmups, intArg(rest, ++i), plan.batchMillis);
        case "--batch-ms" ->
            plan = new Plan(plan.forks, plan.warmups, plan.rounds, intArg(rest, ++i));
        default -> {
          if (a.startsWith("-") || select != null) {
            throw new IllegalArgumentException("unknown argument " + a);
          }
          select = Pattern.compile(a);
        }
      }
    }
    Path outDir = jarDirectory();
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    List<ResultsTable.Batch> batches = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Class<?> c : CLASSES) {
      if (select != null && !select.matcher(c.getSimpleName()).find()) {
        continue;
      }
      for (int fork = 0; fork < plan.forks; fork++) {
        if (!runRounds(c, fork, plan, batches, lines)) {
          failed.add(c.getSimpleName() + " (fork " + fork + ")");
        }
      }
    }
    Files.write(outDir.resolve("rounds.txt"), lines, StandardCharsets.UTF_8);
    Map<String, ResultsTable.Heap> heap = select == null ? runHeapCheck() : new LinkedHashMap<>();
    ResultsTable results = new ResultsTable(batches, heap);
    String table =
        machineFacts(
                profile,
                plan,
                results.rawSpawnMillis(),
                loadBefore,
                loadAverage(),
                System.nanoTime() - started)
            + (failed.isEmpty() ? "" : "- failed: " + String.join(", ", failed) + "\n")
            + "\n"
            + results.render();
    Files.writeString(outDir.resolve("ratios.md"), table, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println("Ratios (profile " + profile + "), also in " + outDir.resolve("ratios.md"));
    System.out.println(table);
    if (!failed.isEmpty()) {
      System.exit(1);
    }
  }

  private static int intArg(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a number");
    }
    return Integer.parseInt(args.get(i));
  }

  /** One fork of one class in a fresh JVM; its batch lines go to {@code batches}. */
  private static boolean runRounds(
      Class<?> c, int fork, Plan plan, List<ResultsTable.Batch> batches, List<String> lines)
      throws Exception {
    List<String> cmd = new ArrayList<>(DEFAULT_SIGNALS);
    cmd.addAll(
        List.of(
            javaCommand(),
            "-cp",
            System.getProperty("java.class.path"),
            AlternatingRounds.class.getName(),
            c.getName(),
            Integer.toString(fork),
            Integer.toString(plan.warmups),
            Integer.toString(plan.rounds),
            Integer.toString(plan.batchMillis)));
    System.out.printf(
        Locale.ROOT,
        "# %s, fork %d of %d: %d warm-up + %d rounds of %d ms batches%n",
        c.getSimpleName(),
        fork + 1,
        plan.forks,
        plan.warmups,
        plan.rounds,
        plan.batchMillis);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        Matcher m = BATCH_LINE.matcher(line);
        if (m.matches()) {
          lines.add(line);
          batches.add(
              new ResultsTable.Batch(
                  m.group(1) + "." + m.group(2),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  Long.parseLong(m.group(6)),
                  Long.parseLong(m.group(7))));
          if (m.group(4).equals("0") || m.group(4).equals(Integer.toString(plan.rounds - 1))) {
            System.out.println(line);
          }
        } else {
          System.out.println(line);
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0) {
      System.out.println("# " + c.getSimpleName() + " failed with exit code " + exit);
    }
    return exit == 0;
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** What the numbers depend on: a loaded machine gives noisy ratios. */
  private static String machineFacts(
      String profile,
      Plan plan,
      double rawSpawnMillis,
      String loadBefore,
      String loadAfter,
      long nanos) {
    return String.format(
        Locale.ROOT,
        "- profile: %s (%d fork(s) per class, %d warm-up + %d rounds of %d ms batches), %.1f min%n"
            + "- raw spawn + wait of `true` on this machine: %s (p50; absolute times differ"
            + " several-fold between machines, the ratios are what is claimed)%n"
            + "- cpus: %d, java %s (%s), %s %s%n"
            + "- load average (1, 5, 15 min) before: %s, after: %s%n"
            + "%s",
        profile,
        plan.forks,
        plan.warmups,
        plan.rounds,
        plan.batchMillis,
        nanos / 60e9,
        Double.isNaN(rawSpawnMillis) ? "not run" : ResultsTable.ms(rawSpawnMillis),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        loadBefore,
        loadAfter,
        IGNORED.isEmpty()
            ? ""
            : "- the suite's JVM ignored SIG"
                + String.join(", SIG", IGNORED)
                + " (nohup or a background job); its forks were started with the default"
                + " actions back, as in a terminal\n");
  }

  /** Which of HUP, INT, QUIT the {@code SigIgn} mask of this process has; empty off Linux. */
  private static List<String> ignoredSignals() {
    long mask = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        }
      }
    } catch (Exception e) {
      return List.of(); // no /proc: nothing known to be ignored
    }
    List<String> out = new ArrayList<>();
    String[] names = {"HUP", "INT", "QUIT"}; // signals 1, 2, 3
    for (int i = 0; i < names.length; i++) {
      if ((mask & (1L << i)) != 0) {
        out.add(names[i]);
      }
    }
    return out;
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
    List<String> cmd = new ArrayList<>(DEFAULT_SIGNALS);
    cmd.addAll(
        List.of(
            javaCommand(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            CaptureHeapCheck.class.getName()));
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
