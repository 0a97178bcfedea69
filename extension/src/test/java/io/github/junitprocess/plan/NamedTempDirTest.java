package io.github.junitprocess.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitprocess.TestKit;
import io.github.junitprocess.fixtures.NamedTempDirFixtures;
import io.github.junitprocess.torture.NothingLeftBehind;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ${tempDir.NAME}}: one fresh directory per name and scope, shared by the processes of that
 * scope (and of the scopes inside it) that name it, deleted when the scope ends; {@code ${tempDir}}
 * stays one directory per process.
 */
@ExtendWith(NothingLeftBehind.class)
class NamedTempDirTest {

  @Test
  void processesOfOneScopeShareTheDirectoryUntilTheScopeEnds() {
    NamedTempDirFixtures.DIRS.clear();
    NamedTempDirFixtures.EXISTED_AT_AFTER_ALL.clear();

    TestKit.assertAllPassed(TestKit.run(NamedTempDirFixtures.OneScopeOneDirectory.class), 1);

    assertThat(NamedTempDirFixtures.EXISTED_AT_AFTER_ALL)
        .as("directories still there at @AfterAll")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "data", false,
                "writer's tempDir", false,
                "reader's tempDir", false,
                "shared", true));
    assertThat(NamedTempDirFixtures.DIRS.values())
        .as("directories left after the class")
        .hasSize(4)
        .noneMatch(Files::exists);
  }

  @Test
  void concurrentTestsGetDirectoriesOfTheirOwn() {
    NamedTempDirFixtures.CONCURRENT_DIRS.clear();
    NamedTempDirFixtures.allTestsRunning = new CyclicBarrier(3);

    TestKit.assertAllPassed(
        TestKit.run(NamedTempDirFixtures.ConcurrentTests.class, TestKit.CONCURRENTLY), 3);

    assertThat(NamedTempDirFixtures.CONCURRENT_DIRS).hasSize(3).doesNotHaveDuplicates();
    assertThat(NamedTempDirFixtures.CONCURRENT_DIRS).noneMatch(Files::exists);
  }
}
