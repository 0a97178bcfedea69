package io.github.junitprocess.examples;

import static io.github.junitprocess.assertj.ProcessAssertions.assertThat;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import org.junit.jupiter.api.Test;

/**
 * A small system whose processes depend on each other: two Python backends (inventory and prices),
 * an order service in a child JVM ({@link OrderService}) that needs both at its startup, and a
 * client that needs the order service and the inventory.
 *
 * <p>{@code dependsOn} says what must be ready before a process is spawned; the declaration order
 * does not matter (the client comes first here). With {@code junit.process.start.concurrent=true}
 * (set for this module in {@code junit-platform.properties}) the two backends start at once, the
 * order service once both are ready, the client once it is: the class waits for the critical chain
 * (backend, service, client), not the sum of all startups. The report entry {@code
 * junit-process.startup} of the test lists when each one was spawned and ready.
 */
class DependentProcessesTest {
  // runs to completion once orders and inventory are ready; its output is the test's evidence
  @SpawnProcess(
      value = {"python3", "src/test/resources/system/client.py"},
      args = {"${port.inventory}", "${port.orders}", "apples"},
      dependsOn = {"orders", "inventory"})
  ProcessResult client;

  @SpawnProcess(
      javaMain = OrderService.class,
      jvmArgs = "-XX:TieredStopAtLevel=1", // a short-lived JVM needs no C2
      args = {"${port}", "${port.inventory}", "${port.prices}"},
      readyLine = "^orders listening",
      dependsOn = {"inventory", "prices"})
  SpawnedProcess orders;

  // independent of each other: spawned at the same time with concurrent start
  @SpawnProcess(
      value = {
        "python3",
        "src/test/resources/system/backend.py",
        "inventory",
        "${port}",
        "stock=7"
      },
      readyLine = "^inventory listening")
  SpawnedProcess inventory;

  @SpawnProcess(
      value = {
        "python3",
        "src/test/resources/system/backend.py",
        "prices",
        "${port}",
        "price=2.50"
      },
      readyLine = "^prices listening")
  SpawnedProcess prices;

  @Test
  void theClientGetsAnOrderThroughTheServiceFromBothBackends() {
    assertThat(client)
        .succeeded()
        .hasStdoutContaining("inventory says stock=7")
        .hasStdoutContaining("orders say order apples: stock=7, price=2.50");
    assertThat(orders).isAlive(); // still running: stopped after the test, before its backends
  }
}
