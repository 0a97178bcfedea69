package io.github.junitprocess.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A toy cluster member, the program under test of {@link ClusterTest}: it listens on its port,
 * pings every peer each 100 ms, and logs when a peer comes up or goes down.
 *
 * <p>Usage: {@code ClusterNode NAME PORT PEER=PORT...}. Protocol, one line each way: {@code PING
 * <from>} is answered {@code PONG <name>}; {@code VIEW} is answered {@code up: <peers>}, the peers
 * that answered their last ping, comma-separated in name order.
 */
public final class ClusterNode {
  private final String name;
  private final Map<String, Integer> peers = new TreeMap<>();
  private final Set<String> up = new ConcurrentSkipListSet<>();

  private ClusterNode(String name, String[] peerArgs) {
    this.name = name;
    for (String peer : peerArgs) {
      String[] nameAndPort = peer.split("=", 2);
      peers.put(nameAndPort[0], Integer.parseInt(nameAndPort[1]));
    }
  }

  public static void main(String[] args) throws Exception {
    ClusterNode node = new ClusterNode(args[0], Arrays.copyOfRange(args, 2, args.length));
    ServerSocket server =
        new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getLoopbackAddress());
    Thread answering = new Thread(() -> node.answer(server), "answering");
    answering.setDaemon(true);
    answering.start();
    System.out.println(node.name + " listening on " + server.getLocalPort());
    node.pingForever();
  }

  private void pingForever() throws InterruptedException {
    while (true) {
      for (Map.Entry<String, Integer> peer : peers.entrySet()) {
        boolean answered = ping(peer.getValue());
        if (answered && up.add(peer.getKey())) {
          System.out.println(name + " sees " + peer.getKey() + " up");
        } else if (!answered && up.remove(peer.getKey())) {
          System.out.println(name + " sees " + peer.getKey() + " down");
        }
      }
      Thread.sleep(100); // the heartbeat period
    }
  }

  private boolean ping(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      socket.setSoTimeout(2_000);
      PrintWriter out = writer(socket);
      out.println("PING " + name);
      String answer = reader(socket).readLine();
      return answer != null && answer.startsWith("PONG ");
    } catch (IOException e) {
      return false;
    }
  }

  private void answer(ServerSocket server) {
    while (true) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(2_000);
        String request = reader(socket).readLine();
        if (request == null) {
          continue;
        }
        PrintWriter out = writer(socket);
        if (request.startsWith("PING ")) {
          out.println("PONG " + name);
        } else if (request.equals("VIEW")) {
          out.println("up: " + String.join(",", new TreeSet<>(up)));
        } else {
          out.println("unknown request: " + request);
        }
      } catch (IOException e) {
        System.err.println(name + ": " + e); // one bad connection; keep answering the others
      }
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  private static PrintWriter writer(Socket socket) throws IOException {
    return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }
}
