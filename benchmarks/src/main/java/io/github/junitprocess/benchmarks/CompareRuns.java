package io.github.junitprocess.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far two runs' ratio tables ({@code ratios.md}) disagree: for every row both have, the two
 * ratios and their spread, {@code max / min − 1}; then the median and the largest spread. This is
 * the check that a run can be trusted: two runs of the same code should agree.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.junitprocess.benchmarks.CompareRuns \
 *     first/ratios.md second/ratios.md
 * </pre>
 */
public final class CompareRuns {
  private CompareRuns() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CompareRuns FIRST_RATIOS_MD SECOND_RATIOS_MD");
    }
    Map<String, Double> first = ratios(Path.of(args[0]));
    Map<String, Double> second = ratios(Path.of(args[1]));
    List<Double> spreads = new ArrayList<>();
    StringBuilder out =
        new StringBuilder("| row | first | second | spread |\n|---|---:|---:|---:|\n");
    for (Map.Entry<String, Double> e : first.entrySet()) {
      Double other = second.get(e.getKey());
      if (other == null || !(e.getValue() > 0) || !(other > 0)) {
        continue;
      }
      double spread = Math.max(e.getValue(), other) / Math.min(e.getValue(), other) - 1;
      spreads.add(spread);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s× | %s× | %.0f %% |%n",
              e.getKey(),
              ResultsTable.fmt(e.getValue()),
              ResultsTable.fmt(other),
              spread * 100));
    }
    System.out.print(out);
    System.out.printf(
        Locale.ROOT,
        "%n%d rows: median spread %.0f %%, largest %.0f %%%n",
        spreads.size(),
        ResultsTable.median(spreads) * 100,
        spreads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN) * 100);
  }

  /** The ratio column of a table, by "measure / subject / baseline". */
  static Map<String, Double> ratios(Path table) throws Exception {
    Map<String, Double> out = new LinkedHashMap<>();
    int ratioColumn = -1;
    for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.substring(1).split("\\|", -1);
      if (cells[0].strip().equals("measure")) {
        for (int i = 0; i < cells.length; i++) {
          String h = cells[i].strip();
          if (h.equals("ratio") || h.equals("ratio p50")) {
            ratioColumn = i;
          }
        }
        continue;
      }
      if (ratioColumn < 0 || cells.length <= ratioColumn) {
        continue;
      }
      String value = cells[ratioColumn].strip().replace("×", "");
      if (value.isEmpty() || value.startsWith("-")) {
        continue;
      }
      String key = cells[0].strip() + " / " + cells[1].strip() + " / " + cells[2].strip();
      out.put(key, Double.parseDouble(value));
    }
    return out;
  }
}
