package io.github.junitprocess.internal.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which processes a setting applies to, by name: {@code *} for all, or a comma-separated list of
 * names, each optionally with a port ({@code NAME:PORT}) where the setting takes one. A pool's name
 * selects its workers too ({@code workers} selects {@code workers-1}, {@code workers-2}, ...).
 */
public final class ProcessSelection {
  private static final ProcessSelection NONE = new ProcessSelection(Map.of());
  private static final String ALL = "*";

  /** Selected names, each with its port or 0 for none. */
  private final Map<String, Integer> names;

  private ProcessSelection(Map<String, Integer> names) {
    this.names = names;
  }

  /**
   * Parses {@code text} of the setting {@code key}; empty selects nothing.
   *
   * @param withPorts whether {@code NAME:PORT} is allowed
   * @throws ExtensionConfigurationException for an empty name or a bad port
   */
  static ProcessSelection parse(String key, String text, boolean withPorts) {
    if (text.isBlank()) {
      return NONE;
    }
    Map<String, Integer> names = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      String name = entry.strip();
      int port = 0;
      int colon = name.lastIndexOf(':');
      if (withPorts && colon >= 0) {
        String digits = name.substring(colon + 1).strip();
        name = name.substring(0, colon).strip();
        try {
          port = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 1 || port > 65535) {
          throw new ExtensionConfigurationException(
              key
                  + ": the port of '"
                  + entry.strip()
                  + "' must be 1..65535; write NAME (a free port is chosen) or NAME:PORT");
        }
      }
      if (name.isEmpty()) {
        throw new ExtensionConfigurationException(
            key
                + " = '"
                + text
                + "' has an empty name; give process names separated by commas"
                + (withPorts ? ", each optionally NAME:PORT, or * for every child JVM" : "")
                + (withPorts ? "" : ", all, or off"));
      }
      names.put(name, port);
    }
    return new ProcessSelection(Map.copyOf(names));
  }

  /** Whether the process (or pool worker) named {@code name} is selected. */
  public boolean selects(String name) {
    return entry(name) != null;
  }

  /** The port given for {@code name}; empty when it is not selected or has no port. */
  public OptionalInt port(String name) {
    Integer port = entry(name);
    return port == null || port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
  }

  private Integer entry(String name) {
    if (names.isEmpty()) {
      return null;
    }
    Integer port = names.get(name);
    if (port == null) {
      int dash = name.lastIndexOf('-');
      if (dash > 0
          && dash < name.length() - 1
          && name.substring(dash + 1).chars().allMatch(Character::isDigit)) {
        port = names.get(name.substring(0, dash)); // a worker of the pool of that name
      }
    }
    return port != null ? port : names.get(ALL);
  }
}
