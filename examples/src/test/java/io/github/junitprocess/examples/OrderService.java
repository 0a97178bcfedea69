package io.github.junitprocess.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A toy order service, the child JVM of {@link DependentProcessesTest}: it needs the inventory and
 * the price list (two Python backends) and answers {@code GET /order?item=X} with what both say.
 *
 * <p>Usage: {@code OrderService PORT INVENTORY_PORT PRICES_PORT}. It asks both backends once before
 * it listens, as a service checks its dependencies at startup: started before they are up, it would
 * fail, which is why its declaration says {@code dependsOn}.
 */
public final class OrderService {
  private OrderService() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    String inventory = "http://127.0.0.1:" + args[1] + "/";
    String prices = "http://127.0.0.1:" + args[2] + "/";
    fetch(inventory); // fails at startup when a backend is not up
    fetch(prices);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/order",
        exchange -> {
          String item = exchange.getRequestURI().getQuery().replace("item=", "");
          byte[] body =
              ("order " + item + ": " + fetch(inventory) + ", " + fetch(prices) + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("orders listening on " + port);
  }

  private static String fetch(String url) throws IOException {
    try (InputStream in = URI.create(url).toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
