package io.github.junitprocess.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.internal.plan.DependencyOrder;
import org.junit.jupiter.api.Test;

/** The stable topological order of {@code dependsOn} and the cycle that prevents one. */
class DependencyOrderTest {
  private static final int[] NONE = {};

  @Test
  void withoutDependenciesTheOrderIsTheDeclarationOrder() {
    assertThat(DependencyOrder.order(3, i -> NONE)).containsExactly(0, 1, 2);
  }

  @Test
  void anElementMovesLaterOnlyAsFarAsItsDependenciesRequire() {
    // 0 -> 2, 1 independent, 2 independent, 3 -> 0
    int[][] edges = {{2}, {}, {}, {0}};
    assertThat(DependencyOrder.order(4, i -> edges[i])).containsExactly(1, 2, 0, 3);
  }

  @Test
  void aChainDeclaredBackwardsIsReversed() {
    int[][] edges = {{1}, {2}, {}};
    assertThat(DependencyOrder.order(3, i -> edges[i])).containsExactly(2, 1, 0);
  }

  @Test
  void theCycleIsShownFromWhereItIsFirstMetWithItsFirstElementRepeated() {
    int[][] edges = {{}, {2}, {3}, {1}};
    assertThat(DependencyOrder.cycle(4, i -> edges[i])).containsExactly(1, 2, 3, 1);
  }

  @Test
  void aSelfDependencyIsACycle() {
    int[][] edges = {{0}};
    assertThat(DependencyOrder.cycle(1, i -> edges[i])).containsExactly(0, 0);
  }

  @Test
  void noCycleIsEmpty() {
    int[][] edges = {{1}, {}, {0, 1}};
    assertThat(DependencyOrder.cycle(3, i -> edges[i])).isEmpty();
  }
}
