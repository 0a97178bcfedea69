package io.github.junitprocess.internal.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one stream until it ends, on a thread of {@link CaptureThreads} named after the stream
 * while it pumps. Each chunk goes to the memory copy, the log file once it spills, and the line
 * splitter while someone listens, and the live echo when there is one; at the end the last
 * unterminated line is dispatched, the log closed and {@code ended} completed. The thread stops at
 * end of file, or when the pipe is closed under it (the process was killed, the stream closed). It
 * closes the stream at the end only when told to: the JDK closes a process's pipes itself once the
 * process has exited, and a second close at the end of the stream would contend with it while the
 * process exits.
 *
 * <p>It takes its capture's lock once per chunk, for the log file, the memory copy and the
 * splitter; the echo and the listeners run outside it. The file is written under the lock so that a
 * reader finds it as long as memory says (memory reads its tail from the file while the file holds
 * the whole stream). A chunk the memory copy kept as it is ({@link HeadTailBuffer#appendOwned}) is
 * read on from the same array, which memory never changes; the next chunk is read into the array
 * memory gave back.
 */
final class OutputPump {
  private static final int CHUNK = 64 * 1024;

  private final Object lock;
  private final LogSpill log;
  private final LineListeners listeners;
  private final CompletableFuture<Void> ended;
  private final LiveEcho.Echo echo;
  private final boolean closeAtEnd;

  OutputPump(
      Object lock,
      LogSpill log,
      LineListeners listeners,
      CompletableFuture<Void> ended,
      LiveEcho.Echo echo,
      boolean closeAtEnd) {
    this.lock = lock;
    this.log = log;
    this.listeners = listeners;
    this.ended = ended;
    this.echo = echo;
    this.closeAtEnd = closeAtEnd;
  }

  /** Starts pumping {@code in} on a capture thread. */
  void start(InputStream in, String threadName) {
    CaptureThreads.EXECUTOR.execute(
        () -> {
          Thread t = Thread.currentThread();
          String old = t.getName();
          t.setName(threadName);
          try {
            pump(in);
          } finally {
            t.setName(old);
          }
        });
  }

  /**
   * Holds the stream's monitor from the first read to the end of the stream: the JDK's exit hook
   * for the process ({@code processExited}, synchronized on the stream) would otherwise, between
   * two reads once the process has exited, drain what the pipe holds into a buffer of its own and
   * close the pipe, and a descendant still writing would lose its output and die of SIGPIPE. The
   * hook runs when this loop has ended. The work at the end (the last line, the log, {@code ended})
   * is done once the monitor is released: the hook runs on the JDK's reaper thread right after it
   * has marked the process exited, and blocked on the monitor it would cost that thread a second
   * wake-up while the stop waits for the pumps.
   */
  private void pump(InputStream in) {
    try {
      synchronized (in) {
        readToEnd(in);
      }
    } finally {
      end(in);
    }
  }

  private void readToEnd(InputStream in) {
    byte[] buf = new byte[CHUNK];
    List<String> lines = new ArrayList<>();
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        boolean split;
        String unfinished = null;
        byte[] next;
        synchronized (lock) {
          next = log.append(buf, n); // the file, then memory; buf's bytes stay as they are
          LineSplitter splitter = listeners.splitter();
          split = splitter != null;
          if (split) {
            splitter.feed(buf, 0, n, lines);
            unfinished = listeners.unfinished();
          }
        }
        if (echo != null) {
          echo.chunk(buf, 0, n); // queued as bytes: the printer splits and prefixes the lines
        }
        if (split && !lines.isEmpty()) {
          listeners.dispatch(lines);
          lines.clear();
        }
        if (unfinished != null) {
          listeners.dispatchUnfinished(unfinished);
        }
        buf = next;
      }
    } catch (IOException e) {
      // the pipe was closed under us (process killed, stream closed): the stream has ended
    }
  }

  /** The last unterminated line, the end of the echo and of the log, then {@code ended}. */
  private void end(InputStream in) {
    if (closeAtEnd) {
      closeQuietly(in);
    }
    String last;
    synchronized (lock) {
      last = listeners.finish();
    }
    if (last != null) {
      listeners.dispatch(List.of(last));
    }
    if (echo != null) {
      echo.end();
    }
    synchronized (lock) {
      log.streamEnded();
    }
    ended.complete(null);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closed already
    }
  }
}
