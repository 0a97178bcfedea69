module demo {
  requires io.github.junitprocess;
  requires org.junit.jupiter.api;
  requires org.junit.platform.launcher;
  opens demo to org.junit.platform.commons;
}
