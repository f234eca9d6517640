package org.fieldguide.markdown.wiki;

import org.commonmark.node.CustomNode;

/**
 * {@code [[target]]}, {@code [[target|text]]} or {@code [[target#fragment]]}. The link stage sets
 * {@link #href} and {@link #label}; until then the node renders as its source text.
 */
public final class WikiLinkNode extends CustomNode {
  private final String target;
  private final String fragment;
  private final String text;
  private String href;
  private String label;

  public WikiLinkNode(String target, String fragment, String text) {
    this.target = target;
    this.fragment = fragment;
    this.text = text;
  }

  public String target() {
    return target;
  }

  /** The part after {@code #}, or null. */
  public String fragment() {
    return fragment;
  }

  /** The text after {@code |}, or null. */
  public String text() {
    return text;
  }

  public String href() {
    return href;
  }

  /** What the reader sees: the given text, else the resolved title. */
  public String label() {
    return label != null ? label : (text != null ? text : target);
  }

  public void resolve(String href, String label) {
    this.href = href;
    this.label = label;
  }
}
