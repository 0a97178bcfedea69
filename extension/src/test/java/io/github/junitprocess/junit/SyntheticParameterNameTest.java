package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.ProcessExitedException;
import io.github.junitprocess.TestKit;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A test class compiled without {@code -parameters} has parameters named {@code arg0}: messages
 * about such a parameter and its process say that the name is the compiler's and how to get the
 * real one. The fixture is compiled here, with and without the flag, so that the build's own {@code
 * -parameters} does not hide the case.
 */
class SyntheticParameterNameTest {
  private static final String FIXTURE = "generated.CompiledFixture";

  private static final String SOURCE =
      "package generated;\n"
          + "\n"
          + "import io.github.junitprocess.ProcessResult;\n"
          + "import io.github.junitprocess.SpawnProcess;\n"
          + "import io.github.junitprocess.SpawnedProcess;\n"
          + "import org.junit.jupiter.api.Test;\n"
          + "\n"
          + "public class CompiledFixture {\n"
          + "  @Test\n"
          + "  void neverReady(\n"
          + "      @SpawnProcess(value = {\"sh\", \"-c\", \"echo starting; exit 3\"},"
          + " readyLine = \"^READY$\")\n"
          + "          SpawnedProcess server) {}\n"
          + "\n"
          + "  @Test\n"
          + "  void badPlaceholder(@SpawnProcess({\"echo\", \"${nope}\"}) ProcessResult result) {}\n"
          + "}\n";

  @Test
  void withoutParametersTheMessagesSayTheNameIsTheCompilers(@TempDir Path dir) throws Exception {
    EngineExecutionResults results = compileAndRun(dir, false);

    assertThat(TestKit.failureOf(results, "neverReady"))
        .isExactlyInstanceOf(ProcessExitedException.class)
        .hasMessageStartingWith("Process 'arg0' exited while starting up")
        .hasMessageMatching(
            "(?s).*\n  process: 'arg0' \\(pid \\d+; 'arg0' is the compiler's name for the"
                + " parameter: compile with -parameters, or set name\\)\n.*");
    assertThat(TestKit.failureOf(results, "badPlaceholder"))
        .isExactlyInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@SpawnProcess on parameter 'arg0' (the compiler's name for it: compile with"
                + " -parameters to use the real one) of "
                + FIXTURE
                + ".badPlaceholder(): value[1]: unknown placeholder ${nope}");
  }

  @Test
  void withParametersTheRealNamesAreUsedWithoutANote(@TempDir Path dir) throws Exception {
    EngineExecutionResults results = compileAndRun(dir, true);

    assertThat(TestKit.failureOf(results, "neverReady"))
        .isExactlyInstanceOf(ProcessExitedException.class)
        .hasMessageStartingWith("Process 'server' exited while starting up")
        .hasMessageContaining("\n  process: 'server' (pid ")
        .hasMessageNotContaining("compiler's name");
    assertThat(TestKit.failureOf(results, "badPlaceholder"))
        .isExactlyInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@SpawnProcess on parameter 'result' of " + FIXTURE + ".badPlaceholder(): ")
        .hasMessageNotContaining("compiler's name");
  }

  /** Compiles {@link #SOURCE} into {@code dir}, loads it, and runs it through the Test Kit. */
  private EngineExecutionResults compileAndRun(Path dir, boolean parameters) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/generated"));
    Path source = Files.writeString(src.resolve("CompiledFixture.java"), SOURCE);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString(),
                "-proc:none"));
    if (parameters) {
      args.add("-parameters");
    }
    args.add(source.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
        .as("javac exit code")
        .isZero();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> fixture = Class.forName(FIXTURE, true, loader);
      EngineExecutionResults results = TestKit.run(fixture);
      assertThat(TestKit.failures(results)).hasSize(2);
      return results;
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the compiled fixture is not where javac wrote it", e);
    }
  }
}
