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
}
