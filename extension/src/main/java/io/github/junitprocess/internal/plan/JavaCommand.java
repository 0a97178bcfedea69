package io.github.junitprocess.internal.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a child JVM: the running java and the test classpath. */
public final class JavaCommand {
  /** One argument may be at most 128 KiB on Linux; longer classpaths go in an argument file. */
  private static final int MAX_INLINE_CLASSPATH = 32 * 1024;

  private static Path argFile;

  private JavaCommand() {}

  static String java() {
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Path java = bin.resolve("java");
    return Files.isExecutable(java) ? java.toString() : bin.resolve("java.exe").toString();
  }

  static String classpath() {
    return System.getProperty("java.class.path", "");
  }

  static List<String> command(Class<?> main, List<String> jvmArgs, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmArgs);
    String cp = classpath();
    if (cp.length() > MAX_INLINE_CLASSPATH) {
      cmd.add("@" + classpathArgFile(cp));
    } else {
      cmd.add("-cp");
      cmd.add(cp);
    }
    cmd.add(main.getName());
    cmd.addAll(args);
    return cmd;
  }

  private static synchronized Path classpathArgFile(String cp) {
    if (argFile == null) {
      try {
        Path f = Files.createTempFile("junit-process-classpath", ".args");
        f.toFile().deleteOnExit();
        String quoted = "\"" + cp.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Files.writeString(f, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
        argFile = f;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the classpath argument file", e);
      }
    }
    return argFile;
  }
}
