package org.fieldguide.markdown.math;

import org.commonmark.node.CustomBlock;

/** Display TeX between lines of {@code $$}. */
public final class MathBlock extends CustomBlock {
  private String tex = "";

  public String tex() {
    return tex;
  }

  void tex(String tex) {
    this.tex = tex;
  }

  private String drawnHtml;

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
