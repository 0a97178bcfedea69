package io.github.junitprocess.internal;

import static io.github.junitprocess.internal.SourceFiles.javaFiles;
import static io.github.junitprocess.internal.SourceFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's rooms and their doors, read from the sources: each room uses only the rooms its
 * {@code package-info} allows (so dependencies run one way), and the other modules use the public
 * API only, but for the engine's one seam, {@code DetachedScope}: the benchmarks drive the engine
 * through it, and the assertions module's transcripts run their steps in it.
 */
class RoomsTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path INTERNAL =
      MODULE.resolve("src/main/java/io/github/junitprocess/internal");
  private static final Pattern REFERENCE =
      Pattern.compile("io\\.github\\.junitprocess\\.internal\\.(\\w+)\\.(\\w+)");

  /** Which rooms each room may use; the order of the README's table. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "support", Set.of(),
          "os", Set.of(),
          "teardown", Set.of("os"),
          "capture", Set.of("support"),
          "plan", Set.of("support", "teardown"),
          "launch", Set.of("plan", "capture", "teardown", "os", "support"),
          "pool", Set.of("launch", "plan", "capture", "teardown", "os", "support"),
          "junit", Set.of("pool", "launch", "plan", "capture", "teardown", "os", "support"));

  @Test
  void everyRoomUsesOnlyTheRoomsBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> rooms = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(INTERNAL)) {
      dirs.filter(Files::isDirectory).forEach(d -> rooms.add(d.getFileName().toString()));
    }
    assertThat(rooms).as("the rooms of the engine").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    for (String room : rooms) {
      assertThat(INTERNAL.resolve(room).resolve("package-info.java")).isRegularFile();
      for (Path file : javaFiles(INTERNAL.resolve(room))) {
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(room) && !ALLOWED.get(room).contains(used)) {
            violations.add(room + "/" + file.getFileName() + " uses " + used + "." + m.group(2));
          }
        }
      }
    }
    assertThat(violations).as("references against the direction of the rooms").isEmpty();
  }

  @Test
  void theOtherModulesUseThePublicApiOnly() {
    List<String> violations = new ArrayList<>();
    for (String module : List.of("assertions", "examples", "benchmarks")) {
      Path src = MODULE.resolveSibling(module).resolve("src");
      for (Path file : javaFiles(src)) {
        String text = read(file);
        Matcher m = Pattern.compile("io\\.github\\.junitprocess\\.internal[\\w.]*").matcher(text);
        while (m.find()) {
          boolean seam =
              !module.equals("examples")
                  && m.group().equals("io.github.junitprocess.internal.junit.DetachedScope");
          if (!seam) {
            violations.add(
                module + ": " + MODULE.getParent().relativize(file) + " uses " + m.group());
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
