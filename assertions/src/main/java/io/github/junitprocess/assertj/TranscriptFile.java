package io.github.junitprocess.assertj;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code console} blocks of one Markdown text: where each is, and its steps. A step is a line
 * {@code $ COMMAND}, an optional line {@code ? N} right under it (the expected exit code, default
 * 0) and the lines up to the next {@code $} line (its expected output). Lines of a block before its
 * first {@code $} line are kept as they are and not run.
 */
final class TranscriptFile {
  static final String PROMPT = "$ ";
  static final String EXIT = "? ";

  /**
   * One {@code console} block: the line of its opening fence (1-based, as an editor counts), the
   * indexes of its first content line and of its closing fence in the file's lines, and its
   * content.
   */
  record Block(
      int fenceLine, int contentIndex, int closeIndex, List<String> preamble, List<Step> steps) {}

  /**
   * One step: its command, the line it is on (1-based), the exit code a {@code ? N} line gives
   * (null without one), and the expected output.
   */
  record Step(String command, int line, Integer exitCode, List<String> expected) {
    int expectedExitCode() {
      return exitCode == null ? 0 : exitCode;
    }
  }

  private final List<String> lines;
  private final List<Block> blocks;

  private TranscriptFile(List<String> lines, List<Block> blocks) {
    this.lines = lines;
    this.blocks = blocks;
  }

  List<Block> blocks() {
    return blocks;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException for a {@code ? N} line whose N is not a number, or a block
   *     that is not closed, naming the line
   */
  static TranscriptFile parse(String text) {
    List<String> lines = SnapshotText.lines(text.replace("\r\n", "\n"));
    List<Block> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String fence = openingFence(lines.get(i));
      if (fence == null) {
        i++;
        continue;
      }
      boolean console = isConsole(lines.get(i).strip().substring(fence.length()));
      int open = i;
      int close = i + 1;
      while (close < lines.size() && !closes(lines.get(close), fence)) {
        close++;
      }
      if (console) {
        if (close == lines.size()) {
          throw new IllegalArgumentException(
              "line " + (open + 1) + ": the console block is not closed (" + fence + ")");
        }
        blocks.add(block(lines, open, close));
      }
      i = close + 1;
    }
    return new TranscriptFile(lines, List.copyOf(blocks));
  }

  private static Block block(List<String> lines, int open, int close) {
    List<String> preamble = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    int j = open + 1;
    while (j < close && !isCommand(lines.get(j))) {
      preamble.add(lines.get(j++));
    }
    while (j < close) {
      String command = lines.get(j).substring(1).strip();
      int line = j + 1;
      j++;
      Integer exit = null;
      if (j < close && lines.get(j).startsWith(EXIT)) {
        String code = lines.get(j).substring(EXIT.length()).strip();
        try {
          exit = Integer.parseInt(code);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "line " + (j + 1) + ": '? " + code + "' must give an exit code, as in '? 2'");
        }
        j++;
      }
      List<String> expected = new ArrayList<>();
      while (j < close && !isCommand(lines.get(j))) {
        expected.add(lines.get(j++));
      }
      steps.add(new Step(command, line, exit, List.copyOf(expected)));
    }
    return new Block(open + 1, open + 1, close, List.copyOf(preamble), List.copyOf(steps));
  }

  /** The text with block {@code index} holding {@code steps} instead. */
  String withSteps(int index, List<Step> steps) {
    Block b = blocks.get(index);
    List<String> out = new ArrayList<>(lines.subList(0, b.contentIndex()));
    out.addAll(b.preamble());
    for (Step s : steps) {
      out.add(PROMPT + s.command());
      if (s.exitCode() != null) {
        out.add(EXIT + s.exitCode());
      }
      out.addAll(s.expected());
    }
    out.addAll(lines.subList(b.closeIndex(), lines.size()));
    return SnapshotText.join(out);
  }

  private static boolean isCommand(String line) {
    return line.startsWith(PROMPT) || line.equals("$");
  }

  /** The fence ({@code ```} or {@code ~~~}, or longer) that opens a block here, else null. */
  private static String openingFence(String line) {
    String t = line.strip();
    if (line.length() - line.stripLeading().length() > 3) {
      return null;
    }
    for (char c : new char[] {'`', '~'}) {
      int n = 0;
      while (n < t.length() && t.charAt(n) == c) {
        n++;
      }
      if (n >= 3) {
        return t.substring(0, n);
      }
    }
    return null;
  }

  private static boolean closes(String line, String fence) {
    String t = line.strip();
    return t.length() >= fence.length()
        && t.chars().allMatch(ch -> ch == fence.charAt(0))
        && line.length() - line.stripLeading().length() <= 3;
  }

  private static boolean isConsole(String info) {
    String word = info.strip().split("[\\s{,]", 2)[0];
    return word.equals("console");
  }
}
