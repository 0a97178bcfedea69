package io.github.junitprocess.pool;

import java.io.PrintWriter;
import java.io.StringWriter;

final class PoolTestSupport {
  private PoolTestSupport() {}

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
