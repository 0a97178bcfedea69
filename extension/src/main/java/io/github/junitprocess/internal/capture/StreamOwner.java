package io.github.junitprocess.internal.capture;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnedProcess;
import java.util.concurrent.CompletableFuture;

/**
 * What a captured stream needs to know of the process writing it: when it exits, and how to
 * describe it in a message. The capture holds no handle of its own.
 */
public interface StreamOwner {
  /** The process's name, as messages show it. */
  String name();

  /** The handle, for descriptions in assertion messages. */
  SpawnedProcess process();

  /** Completes when the process has exited. */
  CompletableFuture<?> exitFuture();

  /** Its result; only called once {@link #exitFuture()} is complete. */
  ProcessResult resultNow();

  /** The process's other stream (stderr for stdout), to drain before deciding a wait failed. */
  OutputCapture otherStream(OutputCapture stream);

  /** Identity, command, working dir, status and output tails, as every message shows them. */
  String details();
}
