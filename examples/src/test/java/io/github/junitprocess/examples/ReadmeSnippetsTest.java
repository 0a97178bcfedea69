package io.github.junitprocess.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the README honest: every {@code ```java} block in it must be code of this module, and every
 * {@code ```properties} or {@code ```python} block the text of a file here, so the guide cannot
 * drift from examples that compile and pass.
 *
 * <p>A block matches when its lines, leading indentation aside, appear one after another in one
 * file. A line {@code // ...} (or {@code # ...}) in a block skips source lines: the parts around it
 * must appear in that order in the same file.
 */
class ReadmeSnippetsTest {
  private static final Map<String, String> EXTENSION_OF_LANGUAGE =
      Map.of("java", ".java", "properties", ".properties", "python", ".py");

  @TestFactory
  Stream<DynamicTest> everySnippetIsInTheExamples() throws IOException {
    Path root = projectRoot();
    List<Snippet> snippets = snippets(root.resolve("README.md"));
    assertThat(snippets).filteredOn(s -> s.language.equals("java")).hasSizeGreaterThan(10);

    List<Path> sources;
    try (Stream<Path> files = Files.walk(root.resolve("examples/src/test"))) {
      sources = files.filter(Files::isRegularFile).toList();
    }
    return snippets.stream()
        .map(
            snippet ->
                DynamicTest.dynamicTest(
                    "README.md line " + snippet.line + ": " + snippet.lines.get(0).strip(),
                    () ->
                        assertThat(
                                sources.stream()
                                    .filter(f -> f.toString().endsWith(snippet.extension()))
                                    .anyMatch(f -> snippet.isIn(read(f))))
                            .as(
                                "README.md line %d: this ```%s block is in no file of"
                                    + " examples/src/test:%n%s",
                                snippet.line, snippet.language, String.join("\n", snippet.lines))
                            .isTrue()));
  }

  /** The directory with README.md and examples/, from the module or the project directory. */
  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("examples/src/test"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no README.md next to examples/ above " + Path.of("").toAbsolutePath());
  }

  private static List<Snippet> snippets(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String language = lines.get(i).startsWith("```") ? lines.get(i).substring(3).strip() : "";
      if (!EXTENSION_OF_LANGUAGE.containsKey(language)) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (!lines.get(end).startsWith("```")) {
        end++;
      }
      snippets.add(new Snippet(language, start + 1, lines.subList(start, end)));
      i = end;
    }
    return snippets;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One fenced block: its language, the README line its code starts on, its lines. */
  private record Snippet(String language, int line, List<String> lines) {

    String extension() {
      return EXTENSION_OF_LANGUAGE.get(language);
    }

    /** Whether the parts of this block appear, in order, each as consecutive lines of source. */
    boolean isIn(List<String> source) {
      List<String> code = source.stream().map(String::strip).toList();
      int from = 0;
      for (List<String> part : parts()) {
        int at = indexOf(code, part, from);
        if (at < 0) {
          return false;
        }
        from = at + part.size();
      }
      return true;
    }

    private List<List<String>> parts() {
      List<List<String>> parts = new ArrayList<>();
      List<String> part = new ArrayList<>();
      for (String line : lines) {
        String code = line.strip();
        if (code.equals("// ...") || code.equals("# ...")) {
          parts.add(part);
          part = new ArrayList<>();
        } else {
          part.add(code);
        }
      }
      parts.add(part);
      parts.forEach(Snippet::trimBlankLines);
      parts.removeIf(List::isEmpty);
      return parts;
    }

    private static void trimBlankLines(List<String> part) {
      while (!part.isEmpty() && part.get(0).isEmpty()) {
        part.remove(0);
      }
      while (!part.isEmpty() && part.get(part.size() - 1).isEmpty()) {
        part.remove(part.size() - 1);
      }
    }

    private static int indexOf(List<String> code, List<String> part, int from) {
      for (int i = from; i + part.size() <= code.size(); i++) {
        if (code.subList(i, i + part.size()).equals(part)) {
          return i;
        }
      }
      return -1;
    }
  }
}
