package org.fieldguide.search;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an element's text as Jsoup's {@link Element#text()} would read it after every element that
 * is not prose had been removed (an inline one replaced by {@link SearchText#GAP}), without copying
 * or changing the tree. It follows Jsoup 1.21's {@code Element.TextAccumulator} step for step:
 * whitespace normalised per text node (no-break space counts as space, zero-width space and soft
 * hyphen vanish) except under {@code pre}-like elements up to six levels up, a space before a block
 * or {@code br}, and one after a block followed by text or an inline element. Its result is not
 * trimmed; {@link SearchText} trims it as {@code text()} does. {@code SearchTextTest} holds it to
 * the old drop-then-{@code text()} result on every page of the real site and on awkward markup.
 *
 * <p>Measured gain, kept (docs/performance.md, 2026-12-04): with the drop-then-{@code text()} code
 * instead (a clone, {@code select}, {@code remove} and a regular expression), a 10,000-page build
 * took 47.5 s and 36.1 s of user CPU against 31.5 s and 23.3 s with this walk, in two pairs of runs
 * in turn on a shared 2-core machine: about half as much again.
 */
final class ProseWalker {
  /**
   * What becomes of an element: kept, dropped leaving a gap (inside a line), or dropped outright.
   */
  enum Drop {
    KEEP,
    INLINE,
    BLOCK
  }

  private final Element root;
  private final boolean detached;
  private final StringBuilder out;

  private ProseWalker(Element root, boolean detached, StringBuilder out) {
    this.root = root;
    this.detached = detached;
    this.out = out;
  }

  /**
   * Appends the text of {@code root}'s content to {@code out}. With {@code detached}, {@code root}
   * is read as a copy of itself would be, without parent: ancestors above it do not preserve
   * whitespace.
   */
  static void appendText(Element root, boolean detached, StringBuilder out) {
    new ProseWalker(root, detached, out).walk();
  }

  /** Which of {@link SearchText}'s dropped kinds {@code e} is, judged by the element alone. */
  static Drop dropOf(Element e) {
    switch (e.normalName()) {
      case "svg":
        return Drop.INLINE;
      case "math": // an inline formula's MathML reads as its symbols ("πθ"); a displayed one goes
        return e.attr("display").equals("block") ? Drop.INLINE : Drop.KEEP;
      case "script", "style", "template", "noscript":
        return Drop.BLOCK;
      default:
        break;
    }
    if (e.attributesSize() == 0) {
      return Drop.KEEP;
    }
    if (e.hasClass("heading-anchor")
        || e.hasClass("term-tip")
        || e.nameIs("span") && e.hasClass("cite")
        || e.nameIs("a") && (e.hasClass("cite-ref") || e.hasClass("footnote-backref"))
        || e.nameIs("sup") && e.hasClass("footnote-ref")) {
      return Drop.INLINE;
    }
    if (e.hasClass("chart-hint")
        || e.nameIs("nav") && e.hasClass("toc")
        || e.nameIs("section") && e.hasClass("references")) {
      return Drop.BLOCK;
    }
    return Drop.KEEP;
  }

  private void walk() {
    Node node = root.firstChild();
    while (node != null) {
      boolean descend = head(node);
      if (descend && node.childNodeSize() > 0) {
        node = node.firstChild();
        continue;
      }
      if (descend) {
        tail(node);
      }
      while (node.nextSibling() == null) {
        node = node.parentNode();
        if (node == root || node == null) {
          return;
        }
        tail(node);
      }
      node = node.nextSibling();
    }
  }

  /**
   * The start of a node; whether to go into it (false for a dropped element, whose tail is skipped
   * too).
   */
  private boolean head(Node node) {
    if (node instanceof TextNode text) {
      appendText(text);
      return true;
    }
    if (node instanceof Element element) {
      Drop drop = dropOf(element);
      if (drop == Drop.INLINE) {
        out.append(SearchText.GAP); // Jsoup appends a text node as it is unless it is whitespace
        return false;
      }
      if (drop == Drop.BLOCK) {
        return false;
      }
      if (out.length() > 0 && (element.isBlock() || element.nameIs("br")) && !lastIsSpace()) {
        out.append(' ');
      }
    }
    return true;
  }

  private void tail(Node node) {
    if (node instanceof Element element && !element.tag().isInline() && !lastIsSpace()) {
      Node next = node.nextSibling();
      while (next instanceof Element e && dropOf(e) == Drop.BLOCK) {
        next = next.nextSibling(); // removed, so not a sibling
      }
      boolean textNext =
          next instanceof TextNode
              || next instanceof Element e && (dropOf(e) == Drop.INLINE || e.tag().isInline());
      if (textNext) {
        out.append(' ');
      }
    }
  }

  private void appendText(TextNode text) {
    String s = text.getWholeText();
    if (text instanceof CDataNode || preservesWhitespace(text.parentNode())) {
      out.append(s);
      return;
    }
    StringUtil.appendNormalisedWhitespace(out, s, lastIsSpace());
  }

  /**
   * Jsoup's test: this element or one of its five nearest ancestors keeps whitespace (pre,
   * textarea…).
   */
  private boolean preservesWhitespace(Node node) {
    if (!(node instanceof Element el)) {
      return false;
    }
    int i = 0;
    do {
      if (el.tag().preserveWhitespace()) {
        return true;
      }
      if (detached && el == root) {
        return false;
      }
      el = el.parent();
      i++;
    } while (i < 6 && el != null);
    return false;
  }

  private boolean lastIsSpace() {
    return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
  }
}
