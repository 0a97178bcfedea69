package io.github.junitprocess;

import static io.github.junitprocess.internal.SourceFiles.javaFiles;
import static io.github.junitprocess.internal.SourceFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every documented public type and member of the two published packages says since when it exists
 * ({@code @since}), read from the sources: doclint checks that each has a comment, its parameters
 * and its return value, but not this tag. Overrides inherit their documentation and are left out.
 */
class SinceTagsTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final List<Path> PUBLIC_PACKAGES =
      List.of(
          MODULE.resolve("src/main/java/io/github/junitprocess"),
          MODULE
              .resolveSibling("assertions")
              .resolve("src/main/java/io/github/junitprocess/assertj"));

  /** A public top-level type and what kind it is: members of all but classes are public. */
  private static final Pattern TOP_LEVEL =
      Pattern.compile(
          "(?m)^public\\s+(?:(?:final|abstract|sealed)\\s+)*(class|interface|@interface|enum|record)\\b");

  /** A Javadoc comment, the annotations after it, and the declaration it documents. */
  private static final Pattern DOCUMENTED =
      Pattern.compile(
          "/\\*\\*(.*?)\\*/\\s*((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)([^;{=]*)", Pattern.DOTALL);

  @Test
  void everyDocumentedPublicDeclarationHasASinceTag() {
    List<String> missing = new ArrayList<>();
    for (Path dir : PUBLIC_PACKAGES) {
      for (Path file : javaFiles(dir)) {
        if (!file.getParent().equals(dir) || file.endsWith("package-info.java")) {
          continue; // the engine's packages below, and package comments
        }
        String text = read(file);
        Matcher top = TOP_LEVEL.matcher(text);
        if (!top.find()) {
          continue; // package-private: not published
        }
        boolean membersPublic = !top.group(1).equals("class") && !top.group(1).equals("record");
        Matcher m = DOCUMENTED.matcher(text);
        while (m.find()) {
          String declaration = m.group(3).trim().replaceAll("\\s+", " ");
          boolean published =
              declaration.startsWith("public ")
                  || declaration.startsWith("protected ")
                  || (membersPublic && !declaration.startsWith("private "));
          if (published && !m.group(2).contains("@Override") && !m.group(1).contains("@since")) {
            missing.add(file.getFileName() + ": " + declaration);
          }
        }
      }
    }
    assertThat(missing).as("public declarations without @since").isEmpty();
  }

  @Test
  void theCheckSeesBothPackages() {
    assertThat(PUBLIC_PACKAGES).allSatisfy(dir -> assertThat(javaFiles(dir)).hasSizeGreaterThan(5));
  }
}
