/**
 * The drawing cache: typeset formulas and laid-out diagrams by their input, kept in memory from
 * build to build ({@code serve}) and in {@code .fieldguide-cache/drawings.bin} between one-off
 * builds ({@link org.fieldguide.drawing.DrawingCache}), stamped with the code that drew them so
 * that no drawing survives a change of the code. Drawing itself is the Markdown stage's ({@code
 * markdown/BlockRenderers}); this package only keeps what was drawn.
 */
package org.fieldguide.drawing;
