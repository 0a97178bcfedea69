package io.github.junitprocess.torture;

import java.util.Map;

/** Placeholder, filled in below. */
class ParallelExecutionTest {
  static final Map<String, String> CONCURRENT =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");
}
