package org.fieldguide.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The Markdown bodies of a site's pages by page id: an immutable map that a body edit can replace a
 * few entries of without copying the rest. {@code serve} makes a new {@link Site} after each save,
 * and copying every body of a 10,000-page site took up to a tenth of a second on a slow machine; a
 * map made {@linkplain #with with} new bodies shares its base with the old one, and is flattened
 * into a new base once it holds more than {@link #MAX_CHANGED} replacements.
 */
public final class Bodies extends AbstractMap<String, String> {
  static final int MAX_CHANGED = 64;

  private final Map<String, String> base; // never changed once this map holds it
  private final Map<String, String> changed; // replaced or added entries, few
  private final int size;

  private Bodies(Map<String, String> base, Map<String, String> changed) {
    this.base = base;
    this.changed = changed;
    int added = 0;
    for (String key : changed.keySet()) {
      if (!base.containsKey(key)) {
        added++;
      }
    }
    this.size = base.size() + added;
  }

  /** {@code bodies} itself if it is a {@code Bodies}, else an immutable copy of it. */
  public static Bodies of(Map<String, String> bodies) {
    return bodies instanceof Bodies b ? b : new Bodies(new HashMap<>(bodies), Map.of());
  }

  /** These bodies with the entries of {@code replacements} put in; this map does not change. */
  public Bodies with(Map<String, String> replacements) {
    Map<String, String> next = new HashMap<>(changed);
    next.putAll(replacements);
    if (next.size() > MAX_CHANGED) {
      Map<String, String> flat = new HashMap<>(base);
      flat.putAll(next);
      return new Bodies(flat, Map.of());
    }
    return new Bodies(base, next);
  }

  /**
   * The ids whose body differs between {@code earlier} and this map (there in one and not the
   * other, or with another text): found among the few replaced entries when both share their base,
   * else by comparing every body.
   */
  public Set<String> differingFrom(Map<String, String> earlier) {
    Set<String> ids = new java.util.HashSet<>();
    if (earlier instanceof Bodies other && base.equals(other.base)) {
      ids.addAll(changed.keySet());
      ids.addAll(other.changed.keySet());
    } else {
      ids.addAll(keySet());
      ids.addAll(earlier.keySet());
    }
    ids.removeIf(
        id ->
            containsKey(id) == earlier.containsKey(id)
                && java.util.Objects.equals(get(id), earlier.get(id)));
    return ids;
  }

  @Override
  public String get(Object key) {
    String value = changed.get(key);
    return value != null || changed.containsKey(key) ? value : base.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return changed.containsKey(key) || base.containsKey(key);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private final Iterator<Entry<String, String>> fromBase = base.entrySet().iterator();
          private final Iterator<Entry<String, String>> fromChanged = changed.entrySet().iterator();
          private Entry<String, String> next = advance();

          private Entry<String, String> advance() {
            while (fromBase.hasNext()) {
              Entry<String, String> e = fromBase.next();
              if (!changed.containsKey(e.getKey())) {
                return new SimpleImmutableEntry<>(e);
              }
            }
            return fromChanged.hasNext() ? new SimpleImmutableEntry<>(fromChanged.next()) : null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Entry<String, String> next() {
            if (next == null) {
              throw new NoSuchElementException();
            }
            Entry<String, String> e = next;
            next = advance();
            return e;
          }
        };
      }
    };
  }
}
