package org.fieldguide.markdown.math;

import org.commonmark.node.CustomNode;

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
