package io.github.junitprocess.internal.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps a second instance of the extension from doing the work twice. JUnit registers one instance
 * per class for {@code @ExtendWith} and the annotations that carry it, but an instance registered
 * with {@code @RegisterExtension} comes in addition: both would inject every field, starting each
 * process twice. The first instance to act in a context owns it; the others stand aside there.
 */
public final class ExtensionInstances {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExtensionInstances.class);

  private ExtensionInstances() {}

  /** Whether {@code extension} does the work in {@code context} (the first one asked does). */
  public static boolean owns(ExtensionContext context, Object extension) {
    Object owner =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(context.getUniqueId(), k -> extension, Object.class);
    return owner == extension;
  }
}
