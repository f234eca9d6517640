package org.fieldguide.build;

import java.util.SortedMap;
import org.fieldguide.diag.Diagnostics;

/** What a build produced: its diagnostics, and the files it wrote (or would have written). */
public record BuildResult(Diagnostics diagnostics, SortedMap<String, byte[]> files, boolean written) {
  public boolean failed(boolean strict) {
    return diagnostics.hasErrors() || (strict && diagnostics.hasWarnings());
  }
}
