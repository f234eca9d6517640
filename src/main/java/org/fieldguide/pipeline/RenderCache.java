package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  private final DrawingMap<String> formulaDrawings = new DrawingMap<>(Integer.MAX_VALUE);
  private final FormulaRenderer formulas = new FormulaRenderer(formulaDrawings);
  private final DrawingMap<DiagramKey> diagrams = new DrawingMap<>(MAX_DIAGRAMS);

  record DiagramKey(String source, String idPrefix) {}

  FormulaRenderer formulas() {
    return formulas;
  }

  /** The drawing of the diagram block {@code source} with {@code idPrefix}, drawn by {@code draw} if not yet known. */
  String diagram(String source, String idPrefix, Supplier<String> draw) {
    DiagramKey key = new DiagramKey(source, idPrefix);
    String html = diagrams.known(key);
    if (html == null) {
      html = draw.get();
      diagrams.drawn(key, html);
    }
    return html;
  }

  /**
   * Reads the drawings a build of the same code ({@code stamp}) left in {@code file}, to be used
   * before drawing anything; nothing if the file is absent, of other code, or damaged.
   */
  void load(Path file, String stamp) {
    DrawingStore.read(file, stamp).ifPresent(contents -> {
      formulaDrawings.load(contents.formulas());
      diagrams.load(contents.diagrams());
    });
  }

  /** Whether {@link #save} would write: something was drawn anew, or something read was not used. */
  boolean changed() {
    return formulaDrawings.changed() || diagrams.changed();
  }

  /**
   * Writes the drawings this build used to {@code file}, unless they are exactly what {@link #load}
   * read: a drawing drawn anew adds to the file, one no page asked for leaves it. Returns whether the
   * file is now up to date (false if writing it failed, which costs only the time to draw again).
   */
  boolean save(Path file, String stamp) {
    if (!changed()) {
      return true;
    }
    boolean written = DrawingStore.write(file, stamp, new DrawingStore.Contents(
        new LinkedHashMap<>(formulaDrawings.inUse()), new LinkedHashMap<>(diagrams.inUse())));
    if (written) {
      formulaDrawings.saved();
      diagrams.saved();
    }
    return written;
  }
}
