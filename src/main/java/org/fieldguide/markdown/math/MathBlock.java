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
}
