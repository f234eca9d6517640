package org.fieldguide.xref;

import org.commonmark.node.Node;
import org.fieldguide.model.Page;

/** Maps a CommonMark node's 0-based span to the 1-based line and column in its source file. */
public final class SourcePositions {
  private SourcePositions() {}

  public static int[] of(Page page, Node node) {
    return PageLinker.position(page, node);
  }
}
