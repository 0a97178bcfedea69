package io.github.junitprocess.internal.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Free TCP ports. The operating system picks each (bind to port 0 on loopback), so concurrent test
 * JVMs do not collide; within this JVM a port is not handed out twice in a row. Which process gets
 * which named port is the affair of the scopes ({@link ProcessScope#namedPort}).
 */
public final class FreePorts {
  private static final int RECENT = 1024;
  private static final Set<Integer> RECENTLY_GIVEN = new LinkedHashSet<>();

  private FreePorts() {}

  public static int next() {
    for (int attempt = 0; ; attempt++) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("no free TCP port on the loopback interface", e);
      }
      synchronized (RECENTLY_GIVEN) {
        if (RECENTLY_GIVEN.add(port) || attempt > 20) {
          if (RECENTLY_GIVEN.size() > RECENT) {
            RECENTLY_GIVEN.remove(RECENTLY_GIVEN.iterator().next());
          }
          return port;
        }
      }
    }
  }
}
