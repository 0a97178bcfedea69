package io.github.junitprocess.torture;

import io.github.junitprocess.SpawnedProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes a fixture started, with their descendants, recorded while they run so that the test
 * that ran the fixture can check afterwards that every one of them is gone. Thread-safe: fixtures
 * run in parallel record into one instance.
 */
public final class StartedProcesses {
  private final Set<ProcessTable.Seen> seen = ConcurrentHashMap.newKeySet();

  /** Records {@code pid} as it is now. */
  public void add(long pid) {
    seen.add(ProcessTable.require(pid));
  }

  /** Records {@code pid} and every live descendant it has now. */
  public void addTree(long pid) {
    seen.addAll(ProcessTable.tree(pid));
  }

  /** Records the process and every live descendant it has now. */
  public void addTree(SpawnedProcess process) {
    addTree(process.pid());
  }

  public List<ProcessTable.Seen> all() {
    return new ArrayList<>(seen);
  }

  public int size() {
    return seen.size();
  }

  public void clear() {
    seen.clear();
  }
}
