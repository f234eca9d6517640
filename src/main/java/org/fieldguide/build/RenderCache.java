package org.fieldguide.build;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Drawings that depend only on their input, kept from one build to the next: formulas (by TeX and
 * display mode) and diagrams (by the block's text and id prefix; a drawing does not depend on where
 * its block sits in the file). {@code serve} passes one instance to every rebuild, so a rebuild
 * typesets and lays out only what it has not seen before. Diagnostics are never cached: a formula
 * that fails is tried again, and a diagram block is still read and checked on every build.
 * Thread-safe.
 */
public final class RenderCache {
  private static final int MAX_DIAGRAMS = 1_000;

  private final FormulaRenderer formulas = new FormulaRenderer();
  private final Map<DiagramKey, String> diagrams = new ConcurrentHashMap<>();

  private record DiagramKey(String source, String idPrefix) {}

  FormulaRenderer formulas() {
    return formulas;
  }

  /** The drawing of the diagram block {@code source} with {@code idPrefix}, drawn by {@code draw} if not yet known. */
  String diagram(String source, String idPrefix, Supplier<String> draw) {
    DiagramKey key = new DiagramKey(source, idPrefix);
    String html = diagrams.get(key);
    if (html == null) {
      html = draw.get();
      if (diagrams.size() >= MAX_DIAGRAMS) {
        diagrams.clear();
      }
      diagrams.putIfAbsent(key, html);
    }
    return html;
  }
}
