package org.fieldguide.markdown.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Text;

/** Inline TeX between single dollar signs. */
public final class MathNode extends CustomNode {
  private final String tex;

  public MathNode(String tex) {
    this.tex = tex;
  }

  public String tex() {
    return tex;
  }

  private String drawnHtml;

  /** Punctuation that closes a phrase, which must not start a line when it follows a formula. */
  private static final Pattern TRAILING = Pattern.compile("^[.,;:!?)\\]}\u2019\u201D'\"\u2026%]+");

  private String trailing = "";

  /**
   * The punctuation right after the formula ({@code $x$),} gives {@code ),}), which the page writes
   * with the formula in one unbreakable run, so that a line never starts with it; empty if none.
   */
  public String trailing() {
    return trailing;
  }

  /**
   * Moves the punctuation that starts the text after the formula into {@link #trailing}. Moving it
   * again finds none, so the tree can be drawn more than once.
   */
  public void takeTrailingPunctuation() {
    if (!(getNext() instanceof Text text)) {
      return;
    }
    Matcher m = TRAILING.matcher(text.getLiteral());
    if (m.find()) {
      trailing += m.group();
      String rest = text.getLiteral().substring(m.end());
      if (rest.isEmpty()) {
        text.unlink();
      } else {
        text.setLiteral(rest);
      }
    }
  }

  /**
   * The formula as drawn for this page (SVG, or the error's fallback), or null if it was not drawn
   * (a table cell).
   */
  public String drawnHtml() {
    return drawnHtml;
  }

  public void drawn(String html) {
    this.drawnHtml = html;
  }
}
