package org.fieldguide.build;

import java.util.SortedMap;
import java.util.function.Supplier;
import org.fieldguide.diag.Diagnostics;

/**
 * What a build produced: its diagnostics, and the files it wrote (or would have written). For a
 * build with a {@linkplain BuildState#forPreview preview's state}, {@code files} leaves out the
 * search index, which is large and which no page shows, and {@code searchIndex} makes it when it is
 * first asked for; otherwise {@code files} holds it too and {@code searchIndex} gives it from there.
 */
public record BuildResult(Diagnostics diagnostics, SortedMap<String, byte[]> files, boolean written,
    Supplier<byte[]> searchIndex) {

  public BuildResult(Diagnostics diagnostics, SortedMap<String, byte[]> files, boolean written) {
    this(diagnostics, files, written, () -> files.get(org.fieldguide.search.SearchIndex.INDEX_PATH));
  }

  public boolean failed(boolean strict) {
    return diagnostics.hasErrors() || (strict && diagnostics.hasWarnings());
  }
}
