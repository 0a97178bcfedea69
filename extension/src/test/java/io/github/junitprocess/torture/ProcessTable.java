package io.github.junitprocess.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The torture tests' own reading of Linux's {@code /proc}, written independently of the engine's:
 * the engine's view of processes is what is on trial. A process is identified by its pid and start
 * time, so a recycled pid is never mistaken for it; a zombie counts as gone (it runs no code, and
 * PID 1 here reaps orphans only every couple of seconds).
 *
 * <p>The processes checked here are mostly not children of the test JVM, so there is no exit event
 * to wait on: waits poll {@code /proc} with a short backoff up to a deadline.
 */
public final class ProcessTable {
  private static final long FIRST_PAUSE_NANOS = 200_000;
  private static final long MAX_PAUSE_NANOS = 20_000_000;

  private ProcessTable() {}

  /** A process as it was seen: its pid and its start time in clock ticks since boot. */
  public record Seen(long pid, long startTicks) {
    /** {@code true} when the process no longer exists, is a zombie, or its pid was recycled. */
    public boolean isGone() {
      return ProcessTable.isGone(pid, startTicks);
    }

    @Override
    public String toString() {
      return "pid " + pid + " (" + commandLine(pid) + ", state " + state(pid) + ")";
    }
  }

  /** The fields of {@code /proc/PID/stat} after the command name, or empty when there is none. */
  private static Optional<String[]> statFields(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = s.lastIndexOf(')');
      return Optional.of(s.substring(close + 2).trim().split(" "));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The process now running as {@code pid}, if any (zombies included). */
  public static Optional<Seen> see(long pid) {
    return statFields(pid).map(f -> new Seen(pid, Long.parseLong(f[19])));
  }

  /** Like {@link #see} but the process must exist. */
  public static Seen require(long pid) {
    return see(pid).orElseThrow(() -> new AssertionError("no process with pid " + pid));
  }

  /** The state letter ({@code R}, {@code S}, {@code Z}, ...) or {@code '-'} when there is none. */
  public static char state(long pid) {
    return statFields(pid).map(f -> f[0].charAt(0)).orElse('-');
  }

  /**
   * Waits until {@code pid}'s state letter is {@code state} ({@code T} once a STOP signal has been
   * acted on); fails after {@code timeout}, naming the last state seen.
   */
  public static void awaitState(long pid, char state, Duration timeout) {
    await(
        () -> state(pid),
        seen -> seen == state,
        seen ->
            "pid "
                + pid
                + " not in state "
                + state
                + " within "
                + timeout
                + " (last: "
                + seen
                + ")",
        timeout);
  }

  /**
   * Waits until {@code pid} runs {@code commandLine} (its exec is over); fails after {@code
   * timeout}.
   */
  public static void awaitCommandLine(long pid, String commandLine, Duration timeout) {
    await(
        () -> commandLine(pid),
        commandLine::equals,
        seen ->
            "pid "
                + pid
                + " not running '"
                + commandLine
                + "' within "
                + timeout
                + " (last: '"
                + seen
                + "')",
        timeout);
  }

  /**
   * Reads {@code read} until {@code done} accepts what it gives, polling with a short backoff;
   * fails after {@code timeout} with {@code failure} of the last value read.
   */
  private static <T> void await(
      Supplier<T> read, Predicate<T> done, Function<T, String> failure, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    T seen;
    while (!done.test(seen = read.get())) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(failure.apply(seen));
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
    }
  }

  public static long parentOf(long pid) {
    return statFields(pid).map(f -> Long.parseLong(f[1])).orElse(-1L);
  }

  public static long groupOf(long pid) {
    return statFields(pid).map(f -> Long.parseLong(f[2])).orElse(-1L);
  }

  public static long sessionOf(long pid) {
    return statFields(pid).map(f -> Long.parseLong(f[3])).orElse(-1L);
  }

  static boolean isGone(long pid, long startTicks) {
    Optional<String[]> f = statFields(pid);
    if (f.isEmpty()) {
      return true;
    }
    char state = f.get()[0].charAt(0);
    return state == 'Z' || state == 'X' || Long.parseLong(f.get()[19]) != startTicks;
  }

  /** The command line of {@code pid}, or {@code "?"}. */
  public static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "?";
    }
  }

  /** Every live (non-zombie) process of the machine. */
  public static List<Seen> all() {
    List<Seen> out = new ArrayList<>();
    String[] names = Path.of("/proc").toFile().list();
    for (String name : names == null ? new String[0] : names) {
      if (name.chars().allMatch(Character::isDigit)) {
        long pid = Long.parseLong(name);
        see(pid).filter(s -> !s.isGone()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Live descendants of {@code pid}, found through every process's parent pid. */
  public static List<Seen> descendants(long pid) {
    Map<Long, List<Long>> children = new HashMap<>();
    for (Seen s : all()) {
      children.computeIfAbsent(parentOf(s.pid()), k -> new ArrayList<>()).add(s.pid());
    }
    List<Seen> out = new ArrayList<>();
    List<Long> queue = new ArrayList<>(children.getOrDefault(pid, List.of()));
    for (int i = 0; i < queue.size(); i++) {
      long p = queue.get(i);
      see(p).filter(s -> !s.isGone()).ifPresent(out::add);
      queue.addAll(children.getOrDefault(p, List.of()));
    }
    return out;
  }

  /** {@code pid} itself and its live descendants. */
  public static List<Seen> tree(long pid) {
    List<Seen> out = new ArrayList<>();
    see(pid).filter(s -> !s.isGone()).ifPresent(out::add);
    out.addAll(descendants(pid));
    return out;
  }

  /** The value of environment variable {@code key} of {@code pid} as it was at exec time. */
  public static Optional<String> environment(long pid, String key) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      String prefix = key + "=";
      for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
        if (entry.startsWith(prefix)) {
          return Optional.of(entry.substring(prefix.length()));
        }
      }
    } catch (IOException e) {
      // gone, or not ours to read
    }
    return Optional.empty();
  }

  /** Live processes whose environment variable {@code key} satisfies {@code value}. */
  public static List<Seen> carrying(String key, Predicate<String> value) {
    return all().stream()
        .filter(s -> environment(s.pid(), key).filter(value).isPresent())
        .filter(s -> !s.isGone())
        .collect(Collectors.toList());
  }

  /**
   * Waits until every process is gone and returns how long that took. Past {@code timeout} it KILLs
   * the survivors (so a failing test leaves nothing behind) and fails, listing them.
   */
  public static Duration assertGoneWithin(Collection<Seen> processes, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    List<Seen> pending = new ArrayList<>(processes);
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      pending.removeIf(Seen::isGone);
      if (pending.isEmpty()) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() - deadline > 0) {
        String survivors = pending.toString();
        killAll(pending);
        throw new AssertionError(
            pending.size()
                + " of "
                + processes.size()
                + " processes still alive after "
                + timeout.toMillis()
                + " ms (now killed): "
                + survivors);
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
    }
  }

  /**
   * Asserts that every process stays alive for the whole of {@code window}: an observation, so it
   * watches for that long (failing as soon as one dies).
   */
  public static void assertAliveThroughout(Collection<Seen> processes, Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    do {
      for (Seen s : processes) {
        if (s.isGone()) {
          throw new AssertionError("process " + s.pid() + " died; expected it to stay alive");
        }
      }
      LockSupport.parkNanos(MAX_PAUSE_NANOS);
    } while (System.nanoTime() - deadline < 0);
  }

  /** KILLs each process that is still the one that was seen (never a recycled pid). */
  public static void killAll(Collection<Seen> processes) {
    for (Seen s : processes) {
      ProcessHandle.of(s.pid()).filter(h -> !s.isGone()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** How many pipes this JVM has open ({@code /proc/self/fd} entries that link to a pipe). */
  public static long pipesOfThisJvm() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(ProcessTable::isPipe).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPipe(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("pipe:");
    } catch (IOException e) {
      return false; // closed while listed (the listing's own descriptor among them)
    }
  }

  /** Waits until this JVM has at most {@code most} pipes open; fails after {@code timeout}. */
  public static void awaitPipesOfThisJvmAtMost(long most, Duration timeout) {
    await(
        ProcessTable::pipesOfThisJvm,
        open -> open <= most,
        open -> open + " pipes of this JVM open after " + timeout + ", " + most + " before",
        timeout);
  }
}
