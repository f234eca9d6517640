package org.fieldguide.pipeline;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.fieldguide.diag.Diagnostics;

/**
 * What a build produced: its diagnostics, and the files it wrote (or would have written). For a
 * build with a {@linkplain BuildState#forPreview preview's state}, {@code files} holds
 * {@link #ON_DEMAND} in place of the search index, which is large and which no page shows, and
 * {@code searchIndex} makes it when it is first asked for; otherwise {@code files} holds the index
 * itself and {@code searchIndex} gives it from there.
 */
public record BuildResult(Diagnostics diagnostics, SortedMap<String, byte[]> files, boolean written,
    Supplier<byte[]> searchIndex, Redone redone) {

  /**
   * What this build did itself rather than take from the last build's {@link BuildState}: the ids of
   * the pages whose Markdown it rendered, and of the pages whose HTML it made.
   */
  public record Redone(SortedSet<String> bodies, SortedSet<String> pages) {
    public Redone {
      bodies = Collections.unmodifiableSortedSet(new TreeSet<>(bodies));
      pages = Collections.unmodifiableSortedSet(new TreeSet<>(pages));
    }

    static final Redone NOTHING = new Redone(new TreeSet<>(), new TreeSet<>());
  }

  public BuildResult(Diagnostics diagnostics, SortedMap<String, byte[]> files, boolean written) {
    this(diagnostics, files, written, () -> files.get(org.fieldguide.search.SearchIndex.INDEX_PATH), Redone.NOTHING);
  }

  /** Stands in {@link #files} for a file made on demand; the same array in every build. */
  public static final byte[] ON_DEMAND = new byte[0];

  /**
   * Stands in {@link #files} for a page whose bytes a build without
   * {@link BuildOptions#keepOutput} did not keep: written to the output folder, or (for a check)
   * dropped once scanned. The same array in every build.
   */
  public static final byte[] NOT_KEPT = new byte[0];

  public boolean failed(boolean strict) {
    return diagnostics.hasErrors() || (strict && diagnostics.hasWarnings());
  }
}
