package io.github.junitprocess.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The main thread's block of a JVM thread dump, in the layouts of JDK 17 and JDK 21. */
class ThreadDumpTest {
  @Test
  void theLastMainThreadBlockUpToTheBlankLine() {
    List<String> dump =
        List.of(
            "starting",
            "Full thread dump OpenJDK 64-Bit Server VM (21.0.5+11 mixed mode, sharing):",
            "",
            "\"main\" #1 [4242] prio=5 os_prio=0 cpu=51.2ms elapsed=2.01s tid=0x1 nid=4242 in"
                + " Object.wait()  [0x7f]",
            "   java.lang.Thread.State: WAITING (on object monitor)",
            "\tat java.lang.Object.wait0(java.base@21.0.5/Native Method)",
            "\tat demo.Hanging.main(Hanging.java:9)",
            "",
            "\"Reference Handler\" #9 daemon prio=10",
            "   java.lang.Thread.State: RUNNABLE",
            "",
            "JNI global refs: 14, weak refs: 0");

    assertThat(ThreadDump.mainThread(dump))
        .hasSize(4)
        .startsWith(
            "\"main\" #1 [4242] prio=5 os_prio=0 cpu=51.2ms elapsed=2.01s tid=0x1 nid=4242 in"
                + " Object.wait()  [0x7f]")
        .endsWith("\tat demo.Hanging.main(Hanging.java:9)");
    assertThat(ThreadDump.mainThread(List.of("no dump here"))).isEmpty();
  }
}
