package org.fieldguide.serve;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which output files two builds disagree on, by comparing their bytes: what the second added,
 * removed and changed. Builds are deterministic (no timestamps, sorted iteration), so a file whose
 * bytes are equal did not change.
 */
record OutputChanges(SortedSet<String> added, SortedSet<String> removed, SortedSet<String> modified) {
  OutputChanges {
    added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
    removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    modified = Collections.unmodifiableSortedSet(new TreeSet<>(modified));
  }

  static OutputChanges between(Map<String, byte[]> before, Map<String, byte[]> after) {
    SortedSet<String> added = new TreeSet<>();
    SortedSet<String> removed = new TreeSet<>();
    SortedSet<String> modified = new TreeSet<>();
    for (Map.Entry<String, byte[]> file : after.entrySet()) {
      byte[] old = before.get(file.getKey());
      if (old == null) {
        added.add(file.getKey());
      } else if (!Arrays.equals(old, file.getValue())) {
        modified.add(file.getKey());
      }
    }
    for (String file : before.keySet()) {
      if (!after.containsKey(file)) {
        removed.add(file);
      }
    }
    return new OutputChanges(added, removed, modified);
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
    String names = String.join(", ", all.stream().limit(limit).toList()) + (all.size() > limit ? ", …" : "");
    return all.size() + (all.size() == 1 ? " output file" : " output files") + " changed (" + names + ")";
  }
}
