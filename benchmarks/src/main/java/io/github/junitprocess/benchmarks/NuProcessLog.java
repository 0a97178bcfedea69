package io.github.junitprocess.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * NuProcess 2.0.6 logs a {@code NullPointerException} from its own {@code onStart} dispatch when a
 * child exits before {@code start()} returns ({@code true} often does). The run is unaffected; the
 * log would drown the benchmark output, so it is turned off.
 */
final class NuProcessLog {
  // JUL holds loggers weakly: keep the configured one alive
  private static final Logger LOGGER = Logger.getLogger("com.zaxxer.nuprocess");

  private NuProcessLog() {}

  static void silence() {
    LOGGER.setLevel(Level.OFF);
  }
}
