/**
 * Formulas: {@link org.fieldguide.markdown.math.MathExtension} parses {@code $…$} and {@code $$ …
 * $$} and renders the drawing each formula node carries; {@code MathRenderer} typesets TeX to SVG
 * with JLaTeXMath at build time, after {@code MathTexChecker} has checked it and with {@code
 * MathErrorTranslator} turning JLaTeXMath's errors into ours.
 */
package org.fieldguide.markdown.math;
