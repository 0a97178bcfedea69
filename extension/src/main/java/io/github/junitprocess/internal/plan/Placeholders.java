package io.github.junitprocess.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands {@code ${...}} placeholders in annotation members: {@code ${port}}, {@code
 * ${port.NAME}}, {@code ${tempDir}}, {@code ${tempDir.NAME}}, {@code ${java}}, {@code ${classpath}}, {@code ${env.NAME}},
 * {@code ${sys.NAME}}; {@code $${} is a literal {@code ${}. Parsing and checking happen before
 * anything is allocated, so a bad placeholder fails the configuration without side effects.
 */
public final class Placeholders {
  static final String KNOWN =
      "${port}, ${port.NAME}, ${tempDir}, ${tempDir.NAME}, ${java}, ${classpath}, ${env.NAME},"
          + " ${sys.NAME}"
          + " (and $${ for a literal ${)";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

  /** What the placeholders stand for, for one process. */
  interface Values {
    String port();

    String namedPort(String name);

    String tempDir();

    String namedTempDir(String name);

    String java();

    String classpath();

    String env(String name);

    String sys(String name);
  }

  /** A problem in one string; the caller adds which member it is in. */
  static final class PlaceholderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    PlaceholderException(String message) {
      super(message);
    }
  }

  private Placeholders() {}

  /** One parsed piece: literal text or a placeholder. */
  private static final class Token {
    final String text;
    final boolean placeholder;

    Token(String text, boolean placeholder) {
      this.text = text;
      this.placeholder = placeholder;
    }
  }

  private static List<Token> parse(String s) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("$${", i)) {
        lit.append("${");
        i += 3;
      } else if (s.startsWith("${", i)) {
        int end = s.indexOf('}', i + 2);
        if (end < 0) {
          throw new PlaceholderException(
              "unclosed placeholder at '" + s.substring(i) + "' (write $${ for a literal ${)");
        }
        if (lit.length() > 0) {
          tokens.add(new Token(lit.toString(), false));
          lit.setLength(0);
        }
        tokens.add(new Token(s.substring(i + 2, end), true));
        i = end + 1;
      } else {
        lit.append(s.charAt(i++));
      }
    }
    if (lit.length() > 0) {
      tokens.add(new Token(lit.toString(), false));
    }
    return tokens;
  }

  /** Checks syntax and names; {@code ${env.NAME}} must be set. */
  static void check(String s) {
    for (Token t : parse(s)) {
      if (t.placeholder) {
        checkName(t.text);
      }
    }
  }

  private static void checkName(String p) {
    switch (p) {
      case "port":
      case "tempDir":
      case "java":
      case "classpath":
        return;
      default:
        break;
    }
    for (String prefix : new String[] {"port.", "tempDir.", "env.", "sys."}) {
      if (p.startsWith(prefix)) {
        String name = p.substring(prefix.length());
        if (!NAME.matcher(name).matches()) {
          throw new PlaceholderException("invalid name in placeholder ${" + p + "}");
        }
        if (prefix.equals("env.") && System.getenv(name) == null) {
          throw new PlaceholderException(
              "placeholder ${" + p + "}: environment variable " + name + " is not set");
        }
        if (prefix.equals("sys.") && System.getProperty(name) == null) {
          throw new PlaceholderException(
              "placeholder ${" + p + "}: system property " + name + " is not set");
        }
        return;
      }
    }
    throw new PlaceholderException("unknown placeholder ${" + p + "}; known: " + KNOWN);
  }

  static String expand(String s, Values v) {
    if (s.indexOf('$') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (Token t : parse(s)) {
      out.append(t.placeholder ? resolve(t.text, v) : t.text);
    }
    return out.toString();
  }

  private static String resolve(String p, Values v) {
    switch (p) {
      case "port":
        return v.port();
      case "tempDir":
        return v.tempDir();
      case "java":
        return v.java();
      case "classpath":
        return v.classpath();
      default:
        break;
    }
    if (p.startsWith("port.")) {
      return v.namedPort(p.substring(5));
    }
    if (p.startsWith("tempDir.")) {
      return v.namedTempDir(p.substring(8));
    }
    if (p.startsWith("env.")) {
      return v.env(p.substring(4));
    }
    if (p.startsWith("sys.")) {
      return v.sys(p.substring(4));
    }
    throw new PlaceholderException("unknown placeholder ${" + p + "}; known: " + KNOWN);
  }
}
