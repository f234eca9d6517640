package org.fieldguide.markdown;

import org.commonmark.node.CustomBlock;

/**
 * A fenced block drawn at build time ({@code flowchart}, {@code diagram}, {@code table}): it takes
 * the place of its {@code FencedCodeBlock} in the tree once drawn, and renders as the HTML drawn.
 */
public final class DrawnBlock extends CustomBlock {
  private final String html;

  public DrawnBlock(String html) {
    this.html = html;
  }

  public String html() {
    return html;
  }
}
