package io.github.junitprocess.internal.os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The system tools the engine runs itself ({@code sh}, {@code setsid}, {@code env}, {@code kill}),
 * found once per JVM in the standard directories, never on a user's PATH: a test that changes PATH
 * must not change how processes are stopped.
 */
public final class Executables {
  private static final String[] DIRS = {"/usr/bin", "/bin", "/usr/sbin", "/sbin"};
  private static final Map<String, String> FOUND = new ConcurrentHashMap<>();
  private static final String MISSING = "";

  private Executables() {}

  /**
   * The absolute path of the system tool {@code name}, or null when no standard directory has an
   * executable of that name (not on Linux, a minimal image).
   */
  public static String find(String name) {
    String path = FOUND.computeIfAbsent(name, Executables::lookUp);
    return path.isEmpty() ? null : path;
  }

  private static String lookUp(String name) {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return MISSING;
    }
    for (String dir : DIRS) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return MISSING;
  }
}
