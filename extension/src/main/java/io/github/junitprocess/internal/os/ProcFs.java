package io.github.junitprocess.internal.os;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Reads Linux's {@code /proc}: process state, start time, children and environment. Every method
 * tolerates processes that vanish while being read. Callers check {@link #AVAILABLE} first, and
 * {@link #CHILDREN_LISTED} before listing children.
 */
public final class ProcFs {
  public static final boolean AVAILABLE = Files.isReadable(Path.of("/proc/self/stat"));

  /**
   * Whether threads' {@code children} files exist (kernels built without {@code
   * CONFIG_PROC_CHILDREN} have none); without them children are found through the JDK.
   */
  public static final boolean CHILDREN_LISTED =
      AVAILABLE
          && Files.isReadable(
              Path.of("/proc/self/task/" + ProcessHandle.current().pid() + "/children"));

  private static final Path PROC = Path.of("/proc");

  private ProcFs() {}

  /** The fields of {@code /proc/PID/stat} this library needs. */
  public static final class Stat {
    final long pid;
    public final char state;
    final long ppid;
    public final long pgrp;
    public final long startTicks;

    /** Number of threads: 1 means its children are all listed in one {@code children} file. */
    public final int threads;

    Stat(long pid, char state, long ppid, long pgrp, long startTicks, int threads) {
      this.pid = pid;
      this.state = state;
      this.ppid = ppid;
      this.pgrp = pgrp;
      this.startTicks = startTicks;
      this.threads = threads;
    }

    /** Zombies and dead tasks count as gone: they run no code and hold no resources. */
    public boolean isGone() {
      return state == 'Z' || state == 'X' || state == 'x';
    }
  }

  /** The stat of {@code pid}, or {@code null} when there is no such process. */
  public static Stat stat(long pid) {
    byte[] raw = read("/proc/" + pid + "/stat", 1024);
    return raw == null ? null : parseStat(pid, raw);
  }

  /** The stat in the text of a {@code /proc/PID/stat} file, or {@code null} when malformed. */
  static Stat parseStat(long pid, byte[] raw) {
    String s = new String(raw, StandardCharsets.ISO_8859_1);
    int close = s.lastIndexOf(')'); // the command name may itself contain ") "
    if (close < 0 || close + 2 >= s.length()) {
      return null;
    }
    String[] f = s.substring(close + 2).split(" ");
    // f[0] = state (field 3), f[1] = ppid, f[2] = pgrp, f[17] = num_threads (field 20),
    // f[19] = starttime (field 22)
    if (f.length < 20) {
      return null;
    }
    try {
      return new Stat(
          pid,
          f[0].charAt(0),
          Long.parseLong(f[1]),
          Long.parseLong(f[2]),
          Long.parseLong(f[19]),
          Integer.parseInt(f[17]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code true} when {@code pid} does not exist, is a zombie, or is another process now. */
  public static boolean isGone(long pid, long startTicks) {
    Stat st = stat(pid);
    return st == null || st.isGone() || (startTicks > 0 && st.startTicks != startTicks);
  }

  /** The pid the kernel handed out last (from {@code /proc/loadavg}), or -1 when unknown. */
  public static long lastPid() {
    byte[] raw = LoadAvg.read();
    return raw == null ? -1 : parseLastPid(new String(raw, StandardCharsets.ISO_8859_1));
  }

  /**
   * {@code /proc/loadavg}, opened once and read again from its start (the kernel makes its text
   * anew on every seek to 0): a stop and a spawn each read it, so they save an open and a close.
   */
  private static final class LoadAvg {
    private static final String PATH = "/proc/loadavg";
    private static final RandomAccessFile FILE = open();
    private static final byte[] BUFFER = new byte[128];

    private static RandomAccessFile open() {
      try {
        return AVAILABLE ? new RandomAccessFile(PATH, "r") : null;
      } catch (IOException | SecurityException e) {
        return null;
      }
    }

    /** The file's text (one line), or {@code null} when it cannot be read. */
    static byte[] read() {
      if (FILE == null) {
        return ProcFs.read(PATH, BUFFER.length);
      }
      synchronized (BUFFER) {
        try {
          FILE.seek(0);
          int len = 0;
          while (len < BUFFER.length && (len == 0 || BUFFER[len - 1] != '\n')) {
            int n = FILE.read(BUFFER, len, BUFFER.length - len);
            if (n < 0) {
              break;
            }
            len += n;
          }
          return java.util.Arrays.copyOf(BUFFER, len);
        } catch (IOException e) {
          return ProcFs.read(PATH, BUFFER.length);
        }
      }
    }
  }

  /** The last field of {@code /proc/loadavg}'s text, or -1 when malformed. */
  static long parseLastPid(String loadavg) {
    String s = loadavg.strip();
    try {
      return Long.parseLong(s.substring(s.lastIndexOf(' ') + 1));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Clock ticks since boot now (USER_HZ, 100 per second on Linux), or -1 when unknown. */
  public static long nowTicks() {
    byte[] raw = read("/proc/uptime", 64);
    return raw == null ? -1 : parseUptimeTicks(new String(raw, StandardCharsets.ISO_8859_1));
  }

  /** The first field of {@code /proc/uptime}'s text in clock ticks, or -1 when malformed. */
  static long parseUptimeTicks(String uptime) {
    String s = uptime;
    try {
      return (long) (Double.parseDouble(s.substring(0, s.indexOf(' '))) * 100);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Start time of {@code pid} in clock ticks since boot, or -1 when it does not exist. */
  public static long startTicks(long pid) {
    Stat st = stat(pid);
    return st == null ? -1 : st.startTicks;
  }

  /** Direct children of {@code pid}, from every thread's {@code children} file. */
  public static void addChildren(long pid, Collection<Long> into) {
    addChildren(pid, 0, into);
  }

  /**
   * Direct children of {@code pid}, which has {@code threads} threads (0 when unknown). A child is
   * listed under the thread that forked it; a single-threaded process needs no task listing.
   */
  public static void addChildren(long pid, int threads, Collection<Long> into) {
    String[] tids;
    if (threads == 1) {
      tids = new String[] {Long.toString(pid)};
    } else {
      tids = PROC.resolve(Long.toString(pid)).resolve("task").toFile().list();
      if (tids == null) {
        return;
      }
    }
    for (String tid : tids) {
      byte[] raw = read("/proc/" + pid + "/task/" + tid + "/children", 1 << 20); // all of it
      if (raw != null) {
        parsePids(raw, into);
      }
    }
  }

  /** Adds the pids of a {@code children} file's text (numbers separated by spaces). */
  static void parsePids(byte[] raw, Collection<Long> into) {
    long value = 0;
    boolean inNumber = false;
    for (byte b : raw) {
      if (b >= '0' && b <= '9') {
        value = value * 10 + (b - '0');
        inNumber = true;
      } else if (inNumber) {
        into.add(value);
        value = 0;
        inNumber = false;
      }
    }
    if (inNumber) {
      into.add(value);
    }
  }

  /** Every pid currently listed in {@code /proc}. */
  public static long[] allPids() {
    String[] names = PROC.toFile().list();
    if (names == null) {
      return new long[0];
    }
    long[] pids = new long[names.length];
    int n = 0;
    for (String name : names) {
      if (!name.isEmpty() && name.charAt(0) >= '0' && name.charAt(0) <= '9') {
        try {
          pids[n++] = Long.parseLong(name);
        } catch (NumberFormatException ignored) {
          // not a process directory
        }
      }
    }
    return java.util.Arrays.copyOf(pids, n);
  }

  /**
   * The value of environment variable {@code key} of process {@code pid} as it was at exec time, or
   * {@code null}.
   */
  public static String environValue(long pid, byte[] keyEquals) {
    byte[] env = read("/proc/" + pid + "/environ", 1 << 20);
    return env == null ? null : parseEnvironValue(env, keyEquals);
  }

  /**
   * The value after {@code keyEquals} ({@code KEY=} as bytes) in an {@code environ} file's
   * NUL-separated text, or {@code null} when no entry starts with it.
   */
  static String parseEnvironValue(byte[] env, byte[] keyEquals) {
    int i = 0;
    while (i < env.length) {
      int end = i;
      while (end < env.length && env[end] != 0) {
        end++;
      }
      if (end - i >= keyEquals.length && startsWith(env, i, keyEquals)) {
        return new String(
            env, i + keyEquals.length, end - i - keyEquals.length, StandardCharsets.UTF_8);
      }
      i = end + 1;
    }
    return null;
  }

  private static boolean startsWith(byte[] a, int from, byte[] prefix) {
    for (int j = 0; j < prefix.length; j++) {
      if (a[from + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  /** Reads at most {@code max} bytes of a /proc file; {@code null} when it cannot be read. */
  public static byte[] read(String file, int max) {
    try (InputStream in = new FileInputStream(file)) {
      byte[] buf = new byte[Math.min(max, 4096)];
      int len = 0;
      while (true) {
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          break;
        }
        len += n;
        if (len == buf.length) {
          if (buf.length >= max) {
            break;
          }
          buf = java.util.Arrays.copyOf(buf, Math.min(max, buf.length * 2));
        }
      }
      return java.util.Arrays.copyOf(buf, len);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
