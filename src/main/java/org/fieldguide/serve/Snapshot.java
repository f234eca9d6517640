package org.fieldguide.serve;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One good build as the preview serves it: every output file's bytes by its site-relative path,
 * and a token that names this build ({@code serverId.generation}), which the live script sends back
 * so that a page loaded from an older build is reloaded. Immutable (the byte arrays are never
 * written to).
 */
record Snapshot(String token, SortedMap<String, byte[]> files) {
  Snapshot {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** What is served before the first good build: nothing. */
  static Snapshot empty(String token) {
    return new Snapshot(token, new TreeMap<>());
  }

  static Snapshot of(String token, Map<String, byte[]> files) {
    return new Snapshot(token, new TreeMap<>(files));
  }

  boolean isEmpty() {
    return files.isEmpty();
  }
}
