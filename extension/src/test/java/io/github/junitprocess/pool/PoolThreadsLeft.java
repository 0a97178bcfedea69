package io.github.junitprocess.pool;

import java.util.List;
import java.util.stream.Collectors;

/** The threads of a named pool still alive, after giving each a moment to finish exiting. */
final class PoolThreadsLeft {
  private PoolThreadsLeft() {}

  static List<String> of(String poolName) throws InterruptedException {
    String prefix = "junit-process-pool-" + poolName + "-";
    List<Thread> threads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith(prefix))
            .collect(Collectors.toList());
    for (Thread t : threads) {
      t.join(5_000); // an executor reports termination just before its last thread has exited
    }
    return threads.stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.toList());
  }
}
