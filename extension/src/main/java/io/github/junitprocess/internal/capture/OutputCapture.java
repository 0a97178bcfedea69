package io.github.junitprocess.internal.capture;

import io.github.junitprocess.Output;
import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.internal.support.Durations;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One captured stream, the {@link Output} the engine hands out. An {@link OutputPump} copies the
 * pipe into the bounded memory copy ({@link HeadTailBuffer}) and, once it spills, the log file
 * ({@link LogSpill}), and hands complete lines to the {@link LineListeners} while someone listens.
 *
 * <p>One lock guards the memory copy, the log's start and the splitter. The pump takes it once per
 * chunk; a reader takes it to copy what it needs, a new waiter also to read the lines in memory.
 */
public final class OutputCapture implements Output {
  /** How long to wait, once the process exited, for the rest of its output to be read. */
  public static final Duration DRAIN_GRACE = Duration.ofMillis(200);

  /** How much of the end of the memory copy a tail for a message is read from. */
  private static final int TAIL_WINDOW = 64 * 1024;

  private final String streamName;
  private final boolean terminal;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private StreamOwner owner;

  private final Object lock = new Object();
  // guarded by lock
  private final HeadTailBuffer memory;
  private final LogSpill log;
  private final LineListeners listeners;
  private LiveEcho.Echo echo;

  public OutputCapture(String streamName, long limit, LogFile log, Consumer<String> callback) {
    this(streamName, limit, log, callback, false);
  }

  /**
   * A stream, {@code terminal} when it is what a pseudo-terminal shows: its {@link #text()} reads
   * {@code \r\n} as {@code \n}, and its waiters also see the unfinished last line (a prompt).
   */
  public OutputCapture(
      String streamName, long limit, LogFile log, Consumer<String> callback, boolean terminal) {
    this.streamName = streamName;
    this.terminal = terminal;
    this.memory = new HeadTailBuffer(limit);
    this.log = new LogSpill(log, memory);
    this.listeners = new LineListeners(callback, terminal);
  }

  /** A stream that never carries data (stderr merged into stdout). */
  public static OutputCapture empty(String streamName, LogFile log) {
    OutputCapture c = new OutputCapture(streamName, 2, log, null);
    c.log.streamEnded();
    c.ended.complete(null);
    return c;
  }

  public void attach(StreamOwner owner) {
    this.owner = owner;
  }

  /** The process writing this stream; empty only before it is set up, which no caller sees. */
  @Override
  public Optional<SpawnedProcess> process() {
    return owner == null ? Optional.empty() : Optional.of(owner.process());
  }

  /** {@code stdout} or {@code stderr}. */
  public String streamName() {
    return streamName;
  }

  /** Echoes what the stream carries live ({@link LiveEcho}); before {@link #startPump}. */
  public void echoTo(LiveEcho.Echo echo) {
    this.echo = echo;
  }

  /**
   * Starts pumping {@code in} on a capture thread; with {@code closeAtEnd}, the pump closes it when
   * the stream has ended (otherwise its owner does).
   */
  public void startPump(InputStream in, String threadName, boolean closeAtEnd) {
    new OutputPump(lock, log, listeners, ended, echo, closeAtEnd).start(in, threadName);
  }

  // ---- Output ----

  @Override
  public byte[] bytes() {
    synchronized (lock) {
      return memory.bytes();
    }
  }

  @Override
  public String text() {
    String text = rawText();
    return terminal ? text.replace("\r\n", "\n") : text;
  }

  private String rawText() {
    byte[] all;
    int split;
    String marker = null;
    synchronized (lock) {
      long dropped = memory.size() - memory.kept();
      if (dropped > 0) {
        // spilling since before memory dropped anything: the file's name is known, no I/O
        marker = droppedMarker(dropped, log.enabled() ? log.path() : null);
      }
      if (marker != null
          && memory.headEndsInAscii()
          && StandardCharsets.US_ASCII.newEncoder().canEncode(marker)) {
        // one copy and one decoding: the head ends no character that the marker could cut
        all = memory.bytes(marker.getBytes(StandardCharsets.US_ASCII));
        marker = null;
      } else {
        all = memory.bytes();
      }
      split = memory.headLength();
    }
    if (marker == null) {
      return new String(all, StandardCharsets.UTF_8);
    }
    return new String(all, 0, split, StandardCharsets.UTF_8)
        + marker
        + new String(all, split, all.length - split, StandardCharsets.UTF_8);
  }

  private static String droppedMarker(long dropped, Path logFile) {
    return "\n[... "
        + dropped
        + " bytes not kept in memory"
        + (logFile != null ? "; the full output is in " + logFile : "")
        + " ...]\n";
  }

  @Override
  public List<String> lines() {
    return LineSplitter.lines(text());
  }

  @Override
  public long size() {
    synchronized (lock) {
      return memory.size();
    }
  }

  @Override
  public boolean truncated() {
    synchronized (lock) {
      return memory.truncated();
    }
  }

  public boolean hasLogFile() {
    return log.enabled();
  }

  @Override
  public Path logFile() {
    synchronized (lock) {
      log.startForReader();
    }
    return log.path();
  }

  /** The last {@code n} lines held in memory, read from no more than its last 64 KiB. */
  public List<String> tail(int n) {
    HeadTailBuffer.TailWindow last;
    synchronized (lock) {
      last = memory.tailWindow(TAIL_WINDOW);
    }
    return last.lastLines(n);
  }

  /** Waits up to {@code grace} for the stream to end; true when it has. */
  public boolean awaitEnd(Duration grace) {
    try {
      ended.get(Durations.waitNanos(grace), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  @Override
  public String awaitLine(String regex, Duration timeout) {
    Objects.requireNonNull(regex, "regex");
    Pattern p = Pattern.compile(regex);
    return awaitLine(
        line -> p.matcher(line).find(),
        timeout,
        "a line matching /" + regex + "/ on " + streamName);
  }

  @Override
  public MatchResult awaitMatch(String regex, Duration timeout) {
    Objects.requireNonNull(regex, "regex");
    Pattern p = Pattern.compile(regex);
    MatchResult[] result = new MatchResult[1];
    String line =
        awaitLine(
            new Predicate<>() {
              @Override
              public boolean test(String l) {
                Matcher m = p.matcher(l);
                if (m.find()) {
                  synchronized (result) {
                    if (result[0] == null) {
                      result[0] = m.toMatchResult();
                    }
                  }
                  return true;
                }
                return false;
              }
            },
            timeout,
            "a line matching /" + regex + "/ on " + streamName);
    synchronized (result) {
      return result[0] != null ? result[0] : matchOf(p, line);
    }
  }

  private static MatchResult matchOf(Pattern p, String line) {
    Matcher m = p.matcher(line);
    m.find();
    return m.toMatchResult();
  }

  @Override
  public String awaitLine(Predicate<String> predicate, Duration timeout) {
    Objects.requireNonNull(predicate, "predicate");
    return awaitLine(predicate, timeout, "a line accepted by the predicate on " + streamName);
  }

  String awaitLine(Predicate<String> predicate, Duration timeout, String what) {
    Objects.requireNonNull(timeout, "timeout");
    LineWaiter w = register(predicate);
    try {
      return w.await(timeout, what);
    } finally {
      unregister(w);
    }
  }

  /** Registers a waiter that sees every line: those already in memory, then new ones. */
  public LineWaiter register(Predicate<String> predicate) {
    LineWaiter w = new LineWaiter(predicate, this);
    List<String> past;
    synchronized (lock) {
      past = listeners.add(w, memory, ended.isDone());
    }
    for (String line : past) {
      if (w.offer(line)) {
        break;
      }
    }
    return w;
  }

  public void unregister(LineWaiter w) {
    synchronized (lock) {
      listeners.remove(w);
    }
  }

  /** The process writing this stream, for the messages of its waiters. */
  StreamOwner owner() {
    return owner;
  }
}
