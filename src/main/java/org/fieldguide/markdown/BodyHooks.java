package org.fieldguide.markdown;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/**
 * What the body renderer asks of the build for one page: formulas, and fenced blocks that are
 * not code ({@code flowchart}, {@code diagram}, {@code table}). Each returns HTML we produced.
 */
public interface BodyHooks {
  /** HTML for a formula; {@code node} gives the position for errors. */
  String mathHtml(String tex, boolean display, Node node);

  /** HTML for a special fenced block, or null to render it as code. */
  String fencedBlockHtml(FencedCodeBlock block);
}
