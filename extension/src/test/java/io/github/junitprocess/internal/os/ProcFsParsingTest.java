package io.github.junitprocess.internal.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parsers behind {@link ProcFs}, on texts as the kernel writes them. */
class ProcFsParsingTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static final String STAT_TAIL =
      " 1 0 -1 4194560 120 0 0 0 0 0 0 0 20 0 3 0 987654 2469888 229 18446744073709551615";

  @Test
  void statReadsStateParentGroupThreadsAndStartTime() {
    ProcFs.Stat st = ProcFs.parseStat(4321, bytes("4321 (sleep) S 4000 4321" + STAT_TAIL));

    assertThat(st.state).isEqualTo('S');
    assertThat(st.ppid).isEqualTo(4000);
    assertThat(st.pgrp).isEqualTo(4321);
    assertThat(st.threads).isEqualTo(3);
    assertThat(st.startTicks).isEqualTo(987654);
    assertThat(st.isGone()).isFalse();
  }

  @Test
  void aCommandNameWithParenthesesAndSpacesDoesNotShiftTheFields() {
    ProcFs.Stat st = ProcFs.parseStat(7, bytes("7 (a) b (c) Z 1 7" + STAT_TAIL));

    assertThat(st.state).isEqualTo('Z');
    assertThat(st.ppid).isEqualTo(1);
    assertThat(st.startTicks).isEqualTo(987654);
    assertThat(st.isGone()).as("a zombie counts as gone").isTrue();
  }

  @Test
  void aTruncatedOrGarbledStatIsNoStat() {
    assertThat(ProcFs.parseStat(7, bytes("7 (sleep) S 1 7 0"))).isNull();
    assertThat(ProcFs.parseStat(7, bytes("7 sleep S"))).isNull();
    assertThat(ProcFs.parseStat(7, bytes("7 (sleep) S x 7" + STAT_TAIL))).isNull();
  }

  @Test
  void theStatOfThisJvmMatchesWhatTheJdkKnows() {
    long self = ProcessHandle.current().pid();

    ProcFs.Stat st = ProcFs.stat(self);

    assertThat(st).isNotNull();
    assertThat(st.ppid).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(st.threads).isGreaterThan(1);
  }

  @Test
  void childrenAreSpaceSeparatedPidsWithOrWithoutATrailingSpace() {
    List<Long> pids = new ArrayList<>();

    ProcFs.parsePids(bytes("12 345 6789 "), pids);
    ProcFs.parsePids(bytes("42"), pids);
    ProcFs.parsePids(bytes(""), pids);

    assertThat(pids).containsExactly(12L, 345L, 6789L, 42L);
  }

  @Test
  void lastPidIsTheLastFieldOfLoadavg() {
    assertThat(ProcFs.parseLastPid("0.52 0.58 0.59 2/611 31337\n")).isEqualTo(31337);
    assertThat(ProcFs.parseLastPid("garbage")).isEqualTo(-1);
  }

  @Test
  void lastPidIsReadAfreshEachTime() throws Exception {
    // the file is kept open and read again from its start: each read must show the pids since
    long before = ProcFs.lastPid();
    Process p = new ProcessBuilder("true").start();
    p.waitFor();

    assertThat(ProcFs.lastPid()).isGreaterThanOrEqualTo(p.pid()).isGreaterThan(before);
  }

  @Test
  void uptimeIsReadInClockTicks() {
    assertThat(ProcFs.parseUptimeTicks("12345.67 45678.90\n")).isEqualTo(1234567);
    assertThat(ProcFs.parseUptimeTicks("")).isEqualTo(-1);
  }

  @Test
  void anEnvironValueIsFoundByItsWholeKey() {
    byte[] env = bytes("PATH=/bin\0JUNIT_PROCESS_IDX=no\0JUNIT_PROCESS_ID=1.ab-3\0EMPTY=\0");

    assertThat(ProcFs.parseEnvironValue(env, bytes("JUNIT_PROCESS_ID="))).isEqualTo("1.ab-3");
    assertThat(ProcFs.parseEnvironValue(env, bytes("EMPTY="))).isEmpty();
    assertThat(ProcFs.parseEnvironValue(env, bytes("HOME="))).isNull();
    assertThat(ProcFs.parseEnvironValue(bytes("SHORT"), bytes("SHORTER="))).isNull();
  }
}
