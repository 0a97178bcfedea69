package io.github.junitprocess.assertj;

import io.github.junitprocess.SpawnedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a snapshot's actual text has replaced before it is compared or written: first the values the
 * process was given, longest first (its working directory {@code [CWD]}, its {@code ${tempDir}}
 * {@code [TEMP]}, the test JVM's working directory {@code [ROOT]}, {@code user.home} {@code
 * [HOME]}, the running {@code java} {@code [JAVA]}, its {@code ${port}} {@code [PORT]}, each other
 * {@code ${port.NAME}} {@code [PORT.NAME]}, its pid {@code [PID]}), then each user's {@code
 * redacting(token, regex)} in the order given. Immutable.
 */
final class Redactions {
  static final Redactions NONE = new Redactions(List.of());

  /** A group of this name in a user's regex: only what it matched is replaced. */
  static final String GROUP = "redacted";

  private final List<UserRedaction> user;

  private record UserRedaction(String token, Pattern pattern, boolean grouped) {}

  /** A value to replace by its token; numbers only as whole numbers. */
  private record Known(String value, String token, boolean number) {}

  private Redactions(List<UserRedaction> user) {
    this.user = user;
  }

  /**
   * These redactions and {@code regex} → {@code token}.
   *
   * @throws IllegalArgumentException when the regex does not compile
   */
  Redactions with(String token, String regex) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(regex, "regex");
    Pattern pattern = Pattern.compile(regex);
    List<UserRedaction> more = new ArrayList<>(user);
    more.add(new UserRedaction(token, pattern, regex.contains("(?<" + GROUP + ">")));
    return new Redactions(List.copyOf(more));
  }

  /**
   * {@code text} with the values of {@code process} (when known), of {@code pid}, of the test JVM
   * and of the user's regexes replaced by their tokens. {@code workingDir} stands for the process's
   * working directory when the process itself is not known (a transcript's step).
   */
  String apply(String text, SpawnedProcess process, Path workingDir, long pid) {
    List<Known> known = new ArrayList<>();
    if (process != null) {
      addPath(known, process.workingDir(), "[CWD]");
      process.tempDir().ifPresent(dir -> addPath(known, dir, "[TEMP]"));
    } else if (workingDir != null) {
      addPath(known, workingDir, "[CWD]");
    }
    addPath(known, Path.of("").toAbsolutePath(), "[ROOT]");
    String home = System.getProperty("user.home");
    if (home != null && !home.isBlank()) {
      addPath(known, Path.of(home), "[HOME]");
    }
    addPath(known, Path.of(System.getProperty("java.home"), "bin", "java"), "[JAVA]");
    if (process != null) {
      Integer own = ownPort(process);
      if (own != null) {
        known.add(new Known(Integer.toString(own), "[PORT]", true));
      }
      for (Map.Entry<String, Integer> port : process.namedPorts().entrySet()) {
        if (!port.getValue().equals(own)) {
          known.add(new Known(port.getValue().toString(), "[PORT." + port.getKey() + "]", true));
        }
      }
    }
    if (pid > 0) {
      known.add(new Known(Long.toString(pid), "[PID]", true));
    }
    // longest first, so that a directory inside another is replaced before the outer one; the
    // sort is stable: of two equal values, the first named wins ([CWD] over [ROOT])
    known.sort(Comparator.comparingInt((Known k) -> k.value.length()).reversed());
    String out = text;
    for (Known k : known) {
      out = k.number ? replaceNumber(out, k.value, k.token) : out.replace(k.value, k.token);
    }
    for (UserRedaction r : user) {
      out = replace(out, r);
    }
    return out;
  }

  private static Integer ownPort(SpawnedProcess process) {
    try {
      return process.port();
    } catch (IllegalStateException e) {
      return null; // the process has no ${port}
    }
  }

  /** The path as given, and where it really is when a symbolic link leads there. */
  private static void addPath(List<Known> known, Path path, String token) {
    String given = path.toAbsolutePath().normalize().toString();
    if (given.length() < 2) {
      return; // "/" would swallow every path
    }
    known.add(new Known(given, token, false));
    try {
      String real = path.toRealPath().toString();
      if (!real.equals(given) && real.length() >= 2) {
        known.add(new Known(real, token, false));
      }
    } catch (IOException | SecurityException e) {
      // gone or unreadable: the given form is all there is
    }
  }

  private static String replaceNumber(String text, String number, String token) {
    if (!text.contains(number)) {
      return text;
    }
    return Pattern.compile("(?<![0-9])" + Pattern.quote(number) + "(?![0-9])")
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(token));
  }

  private static String replace(String text, UserRedaction r) {
    Matcher m = r.pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      int start = r.grouped ? m.start(GROUP) : m.start();
      int end = r.grouped ? m.end(GROUP) : m.end();
      if (start < 0) {
        continue; // the group took no part in this match
      }
      out.append(text, last, start).append(r.token);
      last = end;
    }
    return out.append(text, last, text.length()).toString();
  }
}
