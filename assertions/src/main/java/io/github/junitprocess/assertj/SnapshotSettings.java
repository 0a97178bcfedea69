package io.github.junitprocess.assertj;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The snapshot settings: {@value #MODE} ({@code verify} or {@code overwrite}) and {@value #DIR},
 * read from the current test's JUnit configuration parameters (which include system properties) or,
 * without a test, from system properties; and whether this is a CI build (the environment variable
 * {@code CI} is {@code true}).
 */
final class SnapshotSettings {
  static final String MODE = "junit.process.snapshots";
  static final String DIR = "junit.process.snapshots.dir";
  static final String DEFAULT_DIR = "src/test/snapshots";

  /** What a snapshot assertion does with a missing or different snapshot. */
  enum Mode {
    /** Compare; write a missing snapshot (except in CI) and fail. */
    VERIFY,
    /** Write missing and different snapshots, and pass. */
    OVERWRITE
  }

  private SnapshotSettings() {}

  /**
   * {@value #MODE}, default {@code verify}.
   *
   * @throws IllegalArgumentException for a value other than {@code verify} or {@code overwrite}
   */
  static Mode mode(ExtensionContext context) {
    String value = read(context, MODE).orElse("verify").trim();
    switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "verify":
        return Mode.VERIFY;
      case "overwrite":
        return Mode.OVERWRITE;
      default:
        throw new IllegalArgumentException(
            MODE + " must be 'verify' or 'overwrite', but was '" + value + "'");
    }
  }

  /** {@value #DIR}, default {@value #DEFAULT_DIR}, against the test JVM's working directory. */
  static Path dir(ExtensionContext context) {
    String value =
        read(context, DIR).map(String::trim).filter(v -> !v.isEmpty()).orElse(DEFAULT_DIR);
    return Path.of("").toAbsolutePath().resolve(value).normalize();
  }

  /** {@code CI=true}: a missing snapshot is not written, only reported. */
  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static Optional<String> read(ExtensionContext context, String key) {
    if (context != null) {
      return context.getConfigurationParameter(key);
    }
    return Optional.ofNullable(System.getProperty(key));
  }
}
