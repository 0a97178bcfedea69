package io.github.junitprocess.internal.plan;

import io.github.junitprocess.internal.support.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The {@code junit.process.*} settings, read from JUnit configuration parameters (which include
 * {@code junit-platform.properties} and system properties).
 */
public final class ProcessConfig {
  public static final String STARTUP_TIMEOUT = "junit.process.startup.timeout";
  public static final String STOP_TIMEOUT = "junit.process.stop.timeout";
  public static final String CAPTURE_LIMIT = "junit.process.capture.limit";
  public static final String LOG_DIR = "junit.process.log.dir";
  public static final String LOG_ENABLED = "junit.process.log.enabled";
  public static final String REAPER_ENABLED = "junit.process.reaper.enabled";
  public static final String LEAKS = "junit.process.leaks";
  public static final String JAVA_COVERAGE = "junit.process.java.coverage";
  public static final String JAVA_DEBUG = "junit.process.java.debug";
  public static final String ECHO = "junit.process.echo";
  public static final String START_CONCURRENT = "junit.process.start.concurrent";

  /** What to do about a child of the test JVM that a test started and left running. */
  public enum LeakMode {
    WARN,
    FAIL,
    KILL,
    OFF
  }

  private final Duration startupTimeout;
  private final Duration stopTimeout;
  private final long captureLimit;
  private final Path logDir;
  private final boolean logEnabled;
  private final boolean reaperEnabled;
  private final LeakMode leaks;
  private final boolean javaCoverage;
  private final ProcessSelection javaDebug;
  private final ProcessSelection echo;
  private final boolean startConcurrent;

  private ProcessConfig(Function<String, Optional<String>> source) {
    startupTimeout = duration(source, STARTUP_TIMEOUT, "30s");
    stopTimeout = duration(source, STOP_TIMEOUT, "10s");
    String limit = source.apply(CAPTURE_LIMIT).orElse("8MiB");
    try {
      captureLimit = Durations.parseSize(limit);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(CAPTURE_LIMIT + ": " + e.getMessage(), e);
    }
    if (captureLimit < 2 || captureLimit > Integer.MAX_VALUE - 16) {
      throw new ExtensionConfigurationException(
          CAPTURE_LIMIT + " must be between 2 bytes and 2GiB, was " + limit);
    }
    logDir = Path.of(source.apply(LOG_DIR).orElse("target/junit-process")).toAbsolutePath();
    logEnabled = bool(source, LOG_ENABLED, true);
    reaperEnabled = bool(source, REAPER_ENABLED, true);
    startConcurrent = bool(source, START_CONCURRENT, false);
    String mode = source.apply(LEAKS).orElse("warn").strip().toUpperCase(Locale.ROOT);
    try {
      leaks = LeakMode.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          LEAKS
              + " must be one of warn, fail, kill, off; was '"
              + mode.toLowerCase(Locale.ROOT)
              + "'",
          e);
    }
    String coverage = source.apply(JAVA_COVERAGE).orElse("auto").strip().toLowerCase(Locale.ROOT);
    if (!coverage.equals("auto") && !coverage.equals("off")) {
      throw new ExtensionConfigurationException(
          JAVA_COVERAGE + " must be auto or off; was '" + coverage + "'");
    }
    javaCoverage = coverage.equals("auto");
    javaDebug = ProcessSelection.parse(JAVA_DEBUG, source.apply(JAVA_DEBUG).orElse(""), true);
    String echoed = source.apply(ECHO).orElse("off").strip();
    echo =
        ProcessSelection.parse(
            ECHO,
            echoed.equalsIgnoreCase("off") ? "" : echoed.equalsIgnoreCase("all") ? "*" : echoed,
            false);
  }

  /** Reads the settings through {@code source}, falling back to system properties. */
  public static ProcessConfig from(Function<String, Optional<String>> source) {
    return new ProcessConfig(
        key -> {
          Optional<String> v = source.apply(key).filter(s -> !s.isBlank());
          return v.isPresent() ? v : Optional.ofNullable(System.getProperty(key));
        });
  }

  /** The settings from system properties only. */
  public static ProcessConfig fromSystemProperties() {
    return from(key -> Optional.empty());
  }

  private static Duration duration(
      Function<String, Optional<String>> source, String key, String fallback) {
    String value = source.apply(key).orElse(fallback);
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(key + ": " + e.getMessage(), e);
    }
  }

  private static boolean bool(Function<String, Optional<String>> source, String key, boolean def) {
    return source.apply(key).map(s -> Boolean.parseBoolean(s.strip())).orElse(def);
  }

  public Duration startupTimeout() {
    return startupTimeout;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  public long captureLimit() {
    return captureLimit;
  }

  public Path logDir() {
    return logDir;
  }

  /** Whether output is also written to log files (on by default). */
  public boolean logEnabled() {
    return logEnabled;
  }

  public boolean reaperEnabled() {
    return reaperEnabled;
  }

  public LeakMode leaks() {
    return leaks;
  }

  /** Whether child JVMs get the test JVM's JaCoCo agent ({@code auto}, the default). */
  public boolean javaCoverage() {
    return javaCoverage;
  }

  /** The child JVMs that wait for a debugger, with the port each listens on. */
  public ProcessSelection javaDebug() {
    return javaDebug;
  }

  /** The processes whose lines are printed live. */
  public ProcessSelection echo() {
    return echo;
  }

  /**
   * Whether the processes of a scope whose dependencies are ready start at once, and those nothing
   * running depends on stop at once ({@code junit.process.start.concurrent}, off by default).
   */
  public boolean startConcurrent() {
    return startConcurrent;
  }
}
