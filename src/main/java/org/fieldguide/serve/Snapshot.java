package org.fieldguide.serve;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.search.SearchIndex;

/**
 * One good build as the preview serves it: every output file's bytes by its site-relative path, and
 * a token that names this build ({@code serverId.generation}), which the live script sends back so
 * that a page loaded from an older build is reloaded. Immutable (the byte arrays are never written
 * to). The search index, which a preview's build leaves to be made on demand (tens of megabytes at
 * 10,000 pages, which a rebuild need not join), is made when it is first asked for ({@link
 * #bytes}); in {@link #files} it is an empty array in every snapshot, so it never counts as changed
 * (no page shows it). {@code drafts} holds the output paths of the draft pages.
 */
record Snapshot(
    String token,
    SortedMap<String, byte[]> files,
    Supplier<byte[]> searchIndex,
    Set<String> drafts) {
  Snapshot {
    files = Collections.unmodifiableSortedMap(files);
    drafts = Set.copyOf(drafts);
  }

  /** What is served before the first good build: nothing. */
  static Snapshot empty(String token) {
    return new Snapshot(token, new TreeMap<>(), null, Set.of());
  }

  /** The output of {@code result}, which is not copied: a build's files never change afterwards. */
  static Snapshot of(String token, BuildResult result) {
    return new Snapshot(token, result.files(), result.searchIndex(), result.drafts());
  }

  /** Whether the file at {@code path} is a draft page's (shown with a banner saying so). */
  boolean isDraft(String path) {
    return drafts.contains(path);
  }

  /** The bytes of the file at {@code path}, or null. */
  byte[] bytes(String path) {
    return path.equals(SearchIndex.INDEX_PATH) && searchIndex != null
        ? searchIndex.get()
        : files.get(path);
  }

  boolean isEmpty() {
    return files.isEmpty();
  }
}
