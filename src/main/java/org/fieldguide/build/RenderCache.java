package org.fieldguide.build;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Drawings that depend only on their input, kept from one build to the next: formulas (by TeX and
 * display mode) and diagrams (by the block's text and id prefix; a drawing does not depend on where
 * its block sits in the file). {@code serve} passes one instance to every rebuild, so a rebuild
 * typesets and lays out only what it has not seen before. A one-off build can also start from the
 * drawings the last one left in a file ({@link #load}) and leave its own there ({@link #save}); see
 * {@link DrawingStore}. Diagnostics are never cached: a formula that fails is tried again, and a
 * diagram block is still read and checked on every build. Thread-safe.
 */
public final class RenderCache {
  private static final int MAX_DIAGRAMS = 1_000;

  private final FormulaRenderer formulas = new FormulaRenderer(this::storedFormula, this::formulaDrawn);
  private final Map<DiagramKey, String> diagrams = new ConcurrentHashMap<>();
  /** What {@link #load} read and no build has asked for yet; a drawing asked for moves to the live maps. */
  private final Map<String, String> storedFormulas = new ConcurrentHashMap<>();
  private final Map<DiagramKey, String> storedDiagrams = new ConcurrentHashMap<>();
  /** Whether the live maps differ from what {@link #load} read: something was drawn anew. */
  private volatile boolean drawn;

  record DiagramKey(String source, String idPrefix) {}

  FormulaRenderer formulas() {
    return formulas;
  }

  /** The drawing of the diagram block {@code source} with {@code idPrefix}, drawn by {@code draw} if not yet known. */
  String diagram(String source, String idPrefix, Supplier<String> draw) {
    DiagramKey key = new DiagramKey(source, idPrefix);
    String html = diagrams.get(key);
    if (html == null) {
      html = storedDiagrams.remove(key);
      if (html == null) {
        html = draw.get();
        drawn = true;
      }
      if (diagrams.size() >= MAX_DIAGRAMS) {
        diagrams.clear();
      }
      diagrams.putIfAbsent(key, html);
    }
    return html;
  }

  /** A formula {@link #load} read, by {@link FormulaRenderer}'s key, taken out of the stored ones; null if none. */
  private String storedFormula(String key) {
    return storedFormulas.remove(key);
  }

  /** Notes that {@link FormulaRenderer} typeset a formula it had neither in memory nor stored. */
  void formulaDrawn() {
    drawn = true;
  }

  /**
   * Reads the drawings a build of the same code ({@code stamp}) left in {@code file}, to be used
   * before drawing anything; nothing if the file is absent, of other code, or damaged.
   */
  void load(Path file, String stamp) {
    DrawingStore.read(file, stamp).ifPresent(contents -> {
      storedFormulas.putAll(contents.formulas());
      storedDiagrams.putAll(contents.diagrams());
    });
  }

  /**
   * Writes the drawings this build used to {@code file}, unless they are exactly what {@link #load}
   * read: a drawing drawn anew adds to the file, one no page asked for leaves it. Returns whether the
   * file is now up to date (false if writing it failed, which costs only the time to draw again).
   */
  /** Whether {@link #save} would write: something was drawn anew, or something read was not used. */
  boolean changed() {
    return drawn || !storedFormulas.isEmpty() || !storedDiagrams.isEmpty();
  }

  boolean save(Path file, String stamp) {
    if (!changed()) {
      return true;
    }
    boolean written = DrawingStore.write(file, stamp,
        new DrawingStore.Contents(new LinkedHashMap<>(formulas.drawn()), new LinkedHashMap<>(diagrams)));
    if (written) {
      drawn = false;
      storedFormulas.clear();
      storedDiagrams.clear();
    }
    return written;
  }
}
