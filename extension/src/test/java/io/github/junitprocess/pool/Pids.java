package io.github.junitprocess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;

/** Whether processes are gone, read from /proc: a zombie runs nothing and counts as gone. */
final class Pids {
  private Pids() {}

  static boolean isGone(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return true; // vanished while being read
    }
    char state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state == 'Z' || state == 'X';
  }

  static void assertAllGone(Collection<Long> pids) {
    assertThat(pids).as("processes still running").allMatch(Pids::isGone);
  }
}
