package io.github.junitprocess.internal.junit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Which running test class holds each static field the extension fills. A static field inherited by
 * several test classes is one variable in the JVM: while one class runs with its process in it,
 * another class that inherits the field must not overwrite it, or the first class's tests would
 * silently talk to the second's process. The claim is JVM-wide, as the field is, and ends when the
 * class's scope closes.
 */
public final class StaticFieldClaims {
  private static final Map<Field, Class<?>> HOLDERS = new ConcurrentHashMap<>();

  private StaticFieldClaims() {}

  /**
   * Claims {@code fields} for {@code testClass}, all or none.
   *
   * @return what releases the claims, to be closed with the class's scope
   * @throws ExtensionConfigurationException when another class running now holds one of them
   */
  static AutoCloseable claim(Class<?> testClass, List<Field> fields) {
    List<Field> claimed = new ArrayList<>(fields.size());
    for (Field f : fields) {
      Class<?> holder = HOLDERS.putIfAbsent(f, testClass);
      if (holder != null && holder != testClass) {
        release(claimed);
        throw conflict(f, holder, testClass);
      }
      if (holder == null) {
        claimed.add(f);
      }
    }
    return () -> release(claimed);
  }

  private static void release(List<Field> fields) {
    for (Field f : fields) {
      HOLDERS.remove(f);
    }
  }

  private static ExtensionConfigurationException conflict(
      Field f, Class<?> holder, Class<?> testClass) {
    return new ExtensionConfigurationException(
        "static field '"
            + f.getName()
            + "' in "
            + f.getDeclaringClass().getName()
            + " is inherited by "
            + holder.getName()
            + " and "
            + testClass.getName()
            + ", which run at the same time; one static field can hold only one process, and "
            + holder.getName()
            + " is using it. Nothing was started for "
            + testClass.getName()
            + ". Declare the field in each test class, make it an instance field, or share one"
            + " process for the whole run with share = RUN");
  }
}
