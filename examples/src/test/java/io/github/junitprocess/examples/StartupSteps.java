package io.github.junitprocess.examples;

import java.util.concurrent.CountDownLatch;

/**
 * A server's startup in steps, the program under test of {@link WatchingChildJvmsTest}: it says
 * what it does, warns on stderr, and is ready once its database answers. With the argument {@code
 * no-database} the database never answers and it hangs, as a real server would.
 */
public final class StartupSteps {
  private StartupSteps() {}

  public static void main(String[] args) throws Exception {
    boolean database = !(args.length > 0 && args[0].equals("no-database"));
    System.out.println("loading configuration");
    System.err.println("warning: no cache configured, starting without");
    System.out.println("connecting to the database");
    awaitDatabase(database);
    System.out.println("READY");
    System.in.read(); // serves until stopped
  }

  private static void awaitDatabase(boolean answers) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(answers ? 0 : 1);
    answered.await(); // without a database: forever
  }
}
