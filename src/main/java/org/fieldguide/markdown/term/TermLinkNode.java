package org.fieldguide.markdown.term;

import org.commonmark.node.CustomNode;
import org.fieldguide.model.Term;

/** An automatic link from the first mention of a glossary term to its page, with a tooltip. */
public final class TermLinkNode extends CustomNode {
  private final Term term;
  private final String text;
  private final String href;

  public TermLinkNode(Term term, String text, String href) {
    this.term = term;
    this.text = text;
    this.href = href;
  }

  public Term term() {
    return term;
  }

  public String text() {
    return text;
  }

  public String href() {
    return href;
  }
}
