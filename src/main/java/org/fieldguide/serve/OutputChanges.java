package org.fieldguide.serve;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which output files two builds disagree on, by comparing their bytes: what the second added,
 * removed and changed. Builds are deterministic (no timestamps, sorted iteration), so a file whose
 * bytes are equal did not change.
 */
record OutputChanges(
    SortedSet<String> added, SortedSet<String> removed, SortedSet<String> modified) {
  OutputChanges {
    added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
    removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    modified = Collections.unmodifiableSortedSet(new TreeSet<>(modified));
  }

  static OutputChanges between(Map<String, byte[]> before, Map<String, byte[]> after) {
    SortedMap<String, byte[]> was = inPathOrder(before);
    SortedMap<String, byte[]> now = inPathOrder(after);
    SortedSet<String> added = new TreeSet<>();
    SortedSet<String> removed = new TreeSet<>();
    SortedSet<String> modified = new TreeSet<>();
    // Both in path order, walked side by side: one comparison a file.
    Iterator<Map.Entry<String, byte[]>> a = was.entrySet().iterator();
    Iterator<Map.Entry<String, byte[]>> b = now.entrySet().iterator();
    Map.Entry<String, byte[]> x = a.hasNext() ? a.next() : null;
    Map.Entry<String, byte[]> y = b.hasNext() ? b.next() : null;
    while (x != null || y != null) {
      int order = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
      if (order < 0) {
        removed.add(x.getKey());
        x = a.hasNext() ? a.next() : null;
      } else if (order > 0) {
        added.add(y.getKey());
        y = b.hasNext() ? b.next() : null;
      } else {
        if (!Arrays.equals(x.getValue(), y.getValue())) {
          modified.add(y.getKey());
        }
        x = a.hasNext() ? a.next() : null;
        y = b.hasNext() ? b.next() : null;
      }
    }
    return new OutputChanges(added, removed, modified);
  }

  /** {@code files} in path order: itself if it is sorted so already. */
  private static SortedMap<String, byte[]> inPathOrder(Map<String, byte[]> files) {
    if (files instanceof SortedMap<String, byte[]> sorted
        && (sorted.comparator() == null
            || sorted.comparator().equals(java.util.Comparator.naturalOrder()))) {
      return sorted;
    }
    return new TreeMap<>(files);
  }

  /** Every path added, removed or modified. */
  SortedSet<String> all() {
    SortedSet<String> all = new TreeSet<>(added);
    all.addAll(removed);
    all.addAll(modified);
    return Collections.unmodifiableSortedSet(all);
  }

  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
  }

  /**
   * For the terminal: {@code 2 output files changed (alignment/dpo/index.html, search-index.json)},
   * naming at most {@code limit} of them.
   */
  String summary(int limit) {
    SortedSet<String> all = all();
    String names =
        String.join(", ", all.stream().limit(limit).toList()) + (all.size() > limit ? ", …" : "");
    return all.size()
        + (all.size() == 1 ? " output file" : " output files")
        + " changed ("
        + names
        + ")";
  }
}
