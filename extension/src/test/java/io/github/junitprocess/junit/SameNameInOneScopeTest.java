package io.github.junitprocess.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.SpawnedProcess;
import io.github.junitprocess.fixtures.ScopeIsolationFixtures;
import io.github.junitprocess.fixtures.ScopeIsolationFixtures.PidServer;
import org.junit.jupiter.api.Test;

/**
 * Two processes of one name in one scope (one annotation used twice) are two servers: the second
 * gets a port of its own instead of the first one's, which its readiness would find listening while
 * it could not bind; {@code ${port.NAME}} stays the first one's.
 */
class SameNameInOneScopeTest {

  @Test
  void twoServersFromOneAnnotationInOneTestAreTwo(
      @PidServer SpawnedProcess first, @PidServer SpawnedProcess second) throws Exception {
    assertThat(second.port()).isNotEqualTo(first.port());
    assertThat(ScopeIsolationFixtures.askPid(first.port())).isEqualTo(first.pid());
    assertThat(ScopeIsolationFixtures.askPid(second.port())).isEqualTo(second.pid());
    assertThat(first.port("server")).isEqualTo(first.port());
    assertThat(second.isAlive()).isTrue();
  }
}
