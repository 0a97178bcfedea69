package demo;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

public class Main {
  public static void main(String[] args) {
    var listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(EchoTest.class)).build(), listener);
    var s = listener.getSummary();
    s.getFailures().forEach(f -> f.getException().printStackTrace());
    System.out.println("succeeded=" + s.getTestsSucceededCount() + " failed=" + s.getTotalFailureCount());
  }
}
