package io.github.junitprocess.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The order of a scope's processes with {@code dependsOn}: declaration order, each moved later only
 * as far as its dependencies require (a stable topological order), and the cycle that makes such an
 * order impossible. Elements are indices in declaration order; {@code edges.apply(i)} are the
 * indices element {@code i} depends on.
 */
public final class DependencyOrder {
  private DependencyOrder() {}

  /**
   * The indices {@code 0..n-1} in start order: repeatedly the first element in declaration order
   * whose dependencies have all been placed. Requires no cycle ({@link #cycle}).
   */
  public static int[] order(int n, IntFunction<int[]> edges) {
    boolean[] placed = new boolean[n];
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      int next = -1;
      for (int i = 0; i < n && next < 0; i++) {
        if (!placed[i] && allPlaced(edges.apply(i), placed)) {
          next = i;
        }
      }
      if (next < 0) {
        throw new IllegalStateException("dependsOn has a cycle; check cycle() first");
      }
      placed[next] = true;
      out[k] = next;
    }
    return out;
  }

  private static boolean allPlaced(int[] deps, boolean[] placed) {
    for (int d : deps) {
      if (!placed[d]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first cycle met when following the dependencies from each element in declaration order, as
   * the indices along it with the first repeated at the end ({@code a, b, a}); empty when none.
   */
  public static int[] cycle(int n, IntFunction<int[]> edges) {
    int[] state = new int[n]; // 0 unvisited, 1 on the path, 2 done
    List<Integer> path = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] found = visit(i, edges, state, path);
      if (found != null) {
        return found;
      }
    }
    return new int[0];
  }

  private static int[] visit(int i, IntFunction<int[]> edges, int[] state, List<Integer> path) {
    if (state[i] == 2) {
      return null;
    }
    if (state[i] == 1) {
      List<Integer> loop = new ArrayList<>(path.subList(path.indexOf(i), path.size()));
      loop.add(i);
      return loop.stream().mapToInt(Integer::intValue).toArray();
    }
    state[i] = 1;
    path.add(i);
    for (int d : edges.apply(i)) {
      int[] found = visit(d, edges, state, path);
      if (found != null) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    state[i] = 2;
    return null;
  }
}
