package org.fieldguide.pipeline;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SHA-256 digest of a value: two values with the same digest are taken to be equal, which is what
 * lets the {@link Memo} compare what a result was made from in 32 bytes. The value is written in a
 * form that cannot be read two ways (each string with its length, each list with its size, each
 * record with its type), so values that differ give different digests. Takes strings, numbers,
 * booleans, enums, dates and paths, byte arrays, lists, sets and maps (in their iteration order),
 * optionals, records of these, and other digests; anything else is refused, so that a value whose
 * {@code equals} is identity can never slip into a key.
 */
record Digest(byte[] bytes) {
  static Digest of(Object... parts) {
    Writer writer = new Writer();
    for (Object part : parts) {
      writer.add(part);
    }
    return writer.digest();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest d && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }

  /** Writes values into one digest. */
  static final class Writer {
    private final MessageDigest sha;

    Writer() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    Writer add(Object value) {
      if (value == null) {
        tag('0');
      } else if (value instanceof String s) {
        tag('s');
        bytes(s.getBytes(StandardCharsets.UTF_8));
      } else if (value instanceof byte[] b) {
        tag('b');
        bytes(b);
      } else if (value instanceof Digest d) {
        tag('d');
        sha.update(d.bytes());
      } else if (value instanceof Number
          || value instanceof Boolean
          || value instanceof Character
          || value instanceof Enum<?>
          || value instanceof java.time.temporal.TemporalAccessor
          || value instanceof java.nio.file.Path) {
        tag('v');
        add(value.getClass().getName());
        add(value.toString());
      } else if (value instanceof Optional<?> o) {
        tag('o');
        add(o.orElse(null));
      } else if (value instanceof Collection<?> c) {
        tag('c');
        size(c.size());
        c.forEach(this::add);
      } else if (value instanceof Map<?, ?> m) {
        tag('m');
        size(m.size());
        m.forEach((k, v) -> add(k).add(v));
      } else if (value instanceof Record r) {
        tag('r');
        Components components = COMPONENTS.get(r.getClass());
        add(components.name());
        for (java.lang.invoke.MethodHandle accessor : components.accessors()) {
          add(componentOf(r, accessor));
        }
      } else {
        throw new IllegalArgumentException(
            "no digest for a "
                + value.getClass().getName()
                + ", whose equality may be identity; digest the values it is made from");
      }
      return this;
    }

    /**
     * A record class's name and the accessors of its components, in order: looked up once per
     * class.
     */
    private record Components(String name, List<java.lang.invoke.MethodHandle> accessors) {}

    private static final ClassValue<Components> COMPONENTS =
        new ClassValue<>() {
          @Override
          protected Components computeValue(Class<?> type) {
            List<java.lang.invoke.MethodHandle> accessors = new java.util.ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
              try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.add(
                    java.lang.invoke.MethodHandles.lookup()
                        .unreflect(accessor)
                        .asType(
                            java.lang.invoke.MethodType.methodType(Object.class, Object.class)));
              } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException(
                    "cannot read " + component.getName() + " of " + type.getName(), e);
              }
            }
            return new Components(type.getName(), List.copyOf(accessors));
          }
        };

    private static Object componentOf(Record r, java.lang.invoke.MethodHandle accessor) {
      try {
        return accessor.invoke(r);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read a component of " + r.getClass().getName(), e);
      }
    }

    private void tag(char c) {
      sha.update((byte) c);
    }

    private void size(int n) {
      sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }

    private void bytes(byte[] b) {
      size(b.length);
      sha.update(b);
    }

    Digest digest() {
      return new Digest(sha.digest());
    }
  }
}
