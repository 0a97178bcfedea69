package demo;

import io.github.junitprocess.ProcessResult;
import io.github.junitprocess.SpawnProcess;
import io.github.junitprocess.SpawnedProcess;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

public class EchoTest {
  @SpawnProcess({"echo", "hello from the module path"})
  ProcessResult echo;

  @SpawnProcess(value = {"sh", "-c", "echo up; exec sleep 100"}, readyLine = "up")
  static SpawnedProcess server;

  @Test
  void runs() {
    Assertions.assertEquals("hello from the module path\n", echo.stdout());
    Assertions.assertTrue(server.isAlive());
  }
}
