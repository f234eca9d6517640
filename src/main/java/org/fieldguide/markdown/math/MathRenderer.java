package org.fieldguide.markdown.math;

import java.awt.Color;
import java.awt.Insets;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.Box;
import org.scilab.forge.jlatexmath.JavaFontRenderingBox;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets TeX at build time into inline SVG, so readers need neither JavaScript nor fonts.
 *
 * <p>JLaTeXMath 1.0.7 parses and lays out the formula with its bundled Computer Modern fonts and
 * draws it into JFreeSVG with text as vector paths; {@link MathSvgReader} applies every transform
 * to the coordinates and {@link MathSvgWriter} rounds them to a thousandth of an em and writes one
 * compact element:
 *
 * <pre>{@code <svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" class="math math-inline"
 *      viewBox="…" width="…em" height="…em" fill="currentColor"><path d="…"/></svg>}</pre>
 *
 * <ul>
 *   <li><b>Size.</b> Width and height are in {@code em}, one TeX em to one CSS em, so formulas
 *       scale with the surrounding text (a stylesheet may enlarge them with {@code font-size} on
 *       {@code svg.math}).
 *   <li><b>Colour.</b> Everything is filled with {@code currentColor}, so formulas follow the light
 *       and dark themes. There are no {@code style} attributes, so a Content-Security-Policy of
 *       {@code style-src 'self'} holds.
 *   <li><b>Baseline.</b> Without a per-formula {@code style="vertical-align:…"} (which that CSP
 *       blocks), an inline formula's box is made symmetric about TeX's math axis, 0.25em above its
 *       baseline, taller than the ink where needed. The site's stylesheet must say {@code
 *       svg.math-inline { vertical-align: middle }}: CSS then puts the box's middle half an
 *       x-height above the text's baseline, and since half a body font's x-height is close to
 *       0.25em, the formula's baseline lands on the text's (within about 0.02em). Display formulas
 *       get a tight box; the caller wraps and centres them.
 *   <li><b>Accessibility.</b> The drawing is {@code aria-hidden}: {@link #mathMl} gives the same
 *       formula as MathML, which the page puts beside it, visually hidden, for screen readers to
 *       speak and step through (raw TeX, read aloud, is backslashes and braces).
 *   <li><b>Determinism.</b> The same TeX gives byte-identical output: no ids, no timestamps, no
 *       comments; JFreeSVG's defs prefix is derived from the TeX; glyphs never come from system
 *       fonts (a character the bundled fonts lack is an error, not a fallback).
 * </ul>
 *
 * <p><b>What TeX is supported.</b> JLaTeXMath's LaTeX math: Greek, {@code \frac}, {@code \dfrac},
 * {@code \tfrac}, {@code \binom}, {@code \sqrt[n]{}}, sub- and superscripts, {@code \sum}, {@code
 * \prod}, {@code \int} with limits, {@code \log}, {@code \exp}, {@code \max}, {@code \arg}, {@code
 * \operatorname} and {@code \operatorname*}, {@code \mathbb} (capitals only), {@code \mathcal}
 * (capitals only), {@code \mathrm}, {@code \mathbf}, {@code \mathit}, {@code \mathsf}, {@code
 * \mathtt}, {@code \mathfrak}, {@code \mathscr}, {@code \boldsymbol}, {@code \text}, accents
 * ({@code \hat}, {@code \tilde}, {@code \bar}, {@code \vec}, {@code \dot}, {@code \widehat}, {@code
 * \overline}…), {@code \left…\middle…\right}, {@code \big}, {@code \Big}, {@code \bigg}, {@code
 * \Bigg} and their {@code l}/{@code r} forms, {@code \mid}, {@code \|}, {@code \lVert}, relations
 * and arrows of amssymb, spacing ({@code \, \: \; \! \quad \qquad \hspace}), <code>&#92;underbrace
 * </code>, {@code \overbrace}, {@code \overset}, <code>&#92;underset</code>, {@code \stackrel},
 * {@code \xrightarrow}, {@code \phantom}, {@code \boxed}, and the environments array, matrix,
 * pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix, smallmatrix, cases, aligned, align, gather,
 * gathered, split, multline and eqnarray. {@link MathMacros} adds {@code \bm}, {@code \textup},
 * {@code \enspace}, {@code \coloneqq}, {@code \eqqcolon}, {@code \argmax}, {@code \argmin}, {@code
 * \lvert}, {@code \rvert} and {@code \bigm} (with {@code \Bigm}…), and repairs {@code \big|} and
 * {@code \big\|}.
 *
 * <p><b>Not supported</b> (each is a {@link MathException}): definitions ({@code \newcommand},
 * {@code \def}, {@code \DeclareMathOperator}), because they would leak into later formulas; colours
 * ({@code \color}, {@code \textcolor}, {@code \colorbox}); {@code \includegraphics}; {@code \tag},
 * {@code \label}, {@code \eqref}; {@code \cancel}; {@code \mathbbm}; {@code \vcenter}; the
 * environments equation, align*, gather* (write aligned or gathered); characters outside the
 * bundled fonts (CJK, emoji…). Mistakes JLaTeXMath would silently draw are reported too ({@link
 * MathTexChecker}): unbalanced braces, missing arguments ({@code \frac{a}}, {@code x^}), double
 * scripts ({@code x^a^b}), unmatched {@code \left}/{@code \right} and {@code \begin}/{@code \end},
 * and {@code \mathbb} on lower-case letters or digits.
 *
 * <p>Thread-safe: JLaTeXMath keeps global state, so parsing and drawing take one lock; results are
 * cached by (TeX, display).
 */
public final class MathRenderer {
  /** JLaTeXMath keeps mutable global tables (fonts, macros, parsed-formula caches). */
  private static final Object JLATEXMATH = new Object();

  private static final int MAX_CACHED = 10_000;

  /**
   * JLaTeXMath's fonts and tables and our checker, loaded on the first formula rather than with the
   * class, so a site without formulas does not pay for them.
   */
  private static final class Engine {
    static final MathTexChecker CHECKER;
    static final MathErrorTranslator TRANSLATOR;
    static final Field CHILDREN;

    static {
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true");
      }
      synchronized (JLATEXMATH) {
        // Loads JLaTeXMath's fonts and command tables, which its classes fill lazily.
        new TeXFormula("x").createTeXIcon(TeXConstants.STYLE_DISPLAY, MathSvgWriter.UNITS_PER_EM);
        MathMacros.register();
        CHECKER = new MathTexChecker(MathMacros.arities(), MathMacros.withOptions());
        TRANSLATOR = new MathErrorTranslator(MathMacros.knownNames());
      }
      try {
        CHILDREN = Box.class.getDeclaredField("children");
        CHILDREN.setAccessible(true);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "this JLaTeXMath has no Box.children; MathRenderer needs 1.0.7", e);
      }
    }
  }

  private record Key(String tex, boolean display) {}

  private record Drawing(String jfreeSvg, double width, double ascent, double depth) {}

  private final Map<Key, String> cache = new ConcurrentHashMap<>();

  public MathRenderer() {}

  /**
   * Renders TeX to an inline SVG string.
   *
   * @param tex the formula, without its dollar signs
   * @param display true for display style ({@code $$…$$}), false for text style ({@code $…$})
   * @throws MathException with a one-sentence message saying what is wrong in the TeX
   */
  public String render(String tex, boolean display) throws MathException {
    Objects.requireNonNull(tex, "tex");
    Key key = new Key(tex, display);
    String svg = cache.get(key);
    if (svg == null) {
      svg = renderUncached(tex, display);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.putIfAbsent(key, svg);
    }
    return svg;
  }

  /**
   * The formula as presentation MathML ({@code <math>…</math>}), for assistive technology.
   *
   * @throws MathException as {@link #render} does, for TeX it would not draw
   */
  public String mathMl(String tex, boolean display) throws MathException {
    List<MathToken> tokens = MathTokenizer.tokenize(tex);
    Engine.CHECKER.check(tex, tokens);
    return MathMl.of(tex, tokens, display);
  }

  private static String renderUncached(String tex, boolean display) throws MathException {
    List<MathToken> tokens = MathTokenizer.tokenize(tex);
    Engine.CHECKER.check(tex, tokens);
    String prepared = MathMacros.rewrite(tex, tokens);
    Drawing drawing;
    synchronized (JLATEXMATH) {
      drawing = draw(prepared, display, tex, tokens);
    }
    try {
      return MathSvgWriter.write(
          drawing.jfreeSvg(), drawing.width(), drawing.ascent(), drawing.depth(), tex, display);
    } catch (IllegalArgumentException e) {
      throw new MathException(
          "this formula " + e.getMessage() + ", which a formula cannot have; simplify it", -1);
    }
  }

  /** Lays out and draws {@code prepared}; the caller holds the JLaTeXMath lock. */
  private static Drawing draw(String prepared, boolean display, String tex, List<MathToken> tokens)
      throws MathException {
    TeXIcon icon;
    try {
      icon =
          new TeXFormula(prepared)
              .createTeXIcon(
                  display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
                  MathSvgWriter.UNITS_PER_EM);
    } catch (RuntimeException e) { // JLaTeXMath's ParseException is unchecked, and it has bugs
      throw Engine.TRANSLATOR.translate(e, tokens);
    }
    if (usesSystemFont(icon.getBox())) {
      throw systemFontError(tex);
    }
    icon.setInsets(new Insets(0, 0, 0, 0));
    icon.setForeground(Color.BLACK);
    SVGGraphics2D g = new SVGGraphics2D(1, 1);
    g.setDefsKeyPrefix("m" + Integer.toHexString(tex.hashCode()));
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    try {
      icon.paintIcon(null, g, 0, 0);
    } catch (RuntimeException e) {
      throw new MathException(
          "JLaTeXMath failed while drawing this formula (" + e + "); simplify it", -1);
    }
    double depth = icon.getTrueIconDepth();
    return new Drawing(
        g.getSVGElement(), icon.getTrueIconWidth(), icon.getTrueIconHeight() - depth, depth);
  }

  /**
   * Whether JLaTeXMath fell back to a system font (different on every machine) for some character.
   */
  private static boolean usesSystemFont(Box box) {
    if (box instanceof JavaFontRenderingBox) {
      return true;
    }
    try {
      List<?> children = (List<?>) Engine.CHILDREN.get(box);
      for (Object child : children == null ? List.of() : children) {
        if (usesSystemFont((Box) child)) {
          return true;
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return false;
  }

  /**
   * Names the first character that the bundled fonts lack; the caller holds the JLaTeXMath lock.
   */
  private static MathException systemFontError(String tex) {
    for (int i = 0; i < tex.length(); i += Character.charCount(tex.codePointAt(i))) {
      int c = tex.codePointAt(i);
      if (c < 0x80) {
        continue;
      }
      boolean lacking;
      try {
        lacking =
            usesSystemFont(
                new TeXFormula(new String(Character.toChars(c)))
                    .createTeXIcon(TeXConstants.STYLE_TEXT, MathSvgWriter.UNITS_PER_EM)
                    .getBox());
      } catch (RuntimeException e) {
        lacking = true;
      }
      if (lacking) {
        return new MathException(
            String.format(
                "the character %s (U+%04X) is not in the formula fonts; move it out of"
                    + " the formula or write it as a TeX command",
                new String(Character.toChars(c)), c),
            i);
      }
    }
    return new MathException(
        "a character of this formula is not in the formula fonts; move it out of the formula"
            + " or write it as a TeX command",
        -1);
  }
}
