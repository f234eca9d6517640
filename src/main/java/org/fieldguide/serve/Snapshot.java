package org.fieldguide.serve;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.fieldguide.search.SearchIndex;

/**
 * One good build as the preview serves it: every output file's bytes by its site-relative path,
 * and a token that names this build ({@code serverId.generation}), which the live script sends back
 * so that a page loaded from an older build is reloaded. Immutable (the byte arrays are never
 * written to). The search index is made when it is first asked for ({@link #bytes}): at 10,000
 * pages it is tens of megabytes that a rebuild need not join; in {@link #files} it stands as an
 * empty placeholder, the same in every snapshot, so that it never counts as changed (no page
 * shows it).
 */
record Snapshot(String token, SortedMap<String, byte[]> files, Supplier<byte[]> searchIndex) {
  private static final byte[] ON_DEMAND = new byte[0];

  Snapshot {
    TreeMap<String, byte[]> copy = new TreeMap<>(files);
    if (searchIndex != null && !copy.containsKey(SearchIndex.INDEX_PATH)) {
      copy.put(SearchIndex.INDEX_PATH, ON_DEMAND);
    }
    files = Collections.unmodifiableSortedMap(copy);
  }

  /** What is served before the first good build: nothing. */
  static Snapshot empty(String token) {
    return new Snapshot(token, new TreeMap<>(), null);
  }

  static Snapshot of(String token, SortedMap<String, byte[]> files, Supplier<byte[]> searchIndex) {
    return new Snapshot(token, files, searchIndex);
  }

  /** The bytes of the file at {@code path}, or null. */
  byte[] bytes(String path) {
    byte[] bytes = files.get(path);
    return bytes == ON_DEMAND ? searchIndex.get() : bytes;
  }

  boolean isEmpty() {
    return files.isEmpty();
  }
}
