package org.fieldguide.pipeline;

import java.util.Collection;
import java.util.Set;

/**
 * Which entries of a stage's value (pages by id, files by path) may differ from those of the same
 * stage's value in the last build: every one (no last value, or another context), or those named. A
 * stage looks again only at the entries its inputs' changes name, and a build with no last value is
 * the one where they name every entry.
 */
sealed interface Changes {
  /** Every entry may differ. */
  record All() implements Changes {}

  /** Only these entries may differ. */
  record Some(Set<String> keys) implements Changes {
    public Some {
      keys = Set.copyOf(keys);
    }
  }

  Changes ALL = new All();

  static Changes of(Set<String> keys) {
    return new Some(keys);
  }

  /** Whether the entry at {@code key} may differ. */
  default boolean mayHave(String key) {
    return this instanceof Some some ? some.keys().contains(key) : true;
  }

  /** These changes and {@code other}'s. */
  default Changes and(Changes other) {
    if (this instanceof Some a && other instanceof Some b) {
      java.util.Set<String> both = new java.util.HashSet<>(a.keys());
      both.addAll(b.keys());
      return new Some(both);
    }
    return ALL;
  }

  /**
   * The entries that may differ: those of {@code all}, or those of the keys named ({@code byKey}
   * gives each, or null if there is none).
   */
  default <T> java.util.List<T> among(
      Collection<T> all, java.util.function.Function<String, T> byKey) {
    if (this instanceof Some some) {
      return some.keys().stream().map(byKey).filter(java.util.Objects::nonNull).toList();
    }
    return java.util.List.copyOf(all);
  }
}
