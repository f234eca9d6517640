package org.fieldguide.search;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/** Turns rendered body HTML into the plain text the search index holds. */
public final class SearchText {
  /**
   * What never belongs in search text: drawings (formula and chart SVG, and a chart's hint on how
   * to scroll it; the step-by-step version of a flowchart is HTML and stays), scripts, term tooltips (they would copy every linked term's
   * definition into the page), citation and footnote markers, heading anchors, the table of
   * contents and the page's reference list (the references page has its own entry).
   */
  private static final String DROP = "svg, math, script, style, template, noscript, .chart-hint, .heading-anchor, "
      + ".term-tip, span.cite, a.cite-ref, sup.footnote-ref, a.footnote-backref, nav.toc, section.references";

  /** The parts of {@link #DROP} that sit inside a line of text; each leaves a {@link #GAP} where it was. */
  private static final String DROP_INLINE = "svg, math, .heading-anchor, .term-tip, span.cite, a.cite-ref, "
      + "sup.footnote-ref, a.footnote-backref";

  /** Marks where an inline element was dropped (a private-use character, removed again before returning). */
  private static final String GAP = "\uE000";

  /** A dropped marker before punctuation, with the space before it: "shown [1]." becomes "shown.". */
  private static final Pattern GAPS_BEFORE_PUNCTUATION = Pattern.compile("(\\s*" + GAP + ")+(?=[.,;:!?)\\]])");

  private SearchText() {}

  /** The visible text of an HTML fragment, whitespace collapsed; block boundaries become spaces. */
  public static String fromHtml(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    return dropAndCollapse(doc.body());
  }

  /**
   * The visible text of one element, as {@link #fromHtml} gives it (without tooltips, heading
   * anchors and citation markers), or empty if the element is itself one of those; the element
   * is left as it is.
   */
  public static String of(Element element) {
    if (element.is(DROP)) {
      return "";
    }
    return dropAndCollapse(element.clone());
  }

  /**
   * The same as {@link #fromHtml} of {@code root}'s HTML, read from the element itself, which it
   * changes: for a caller that has parsed the fragment anyway and is done with it.
   */
  public static String ofDiscarding(Element root) {
    return dropAndCollapse(root);
  }

  /**
   * Removes what is not prose from {@code root} (in place) and returns the text that is left. Only
   * the space before a dropped marker is closed up, so the author's own spacing stays as written.
   */
  private static String dropAndCollapse(Element root) {
    for (Element e : root.select(DROP)) {
      if (e.is(DROP_INLINE)) {
        e.replaceWith(new TextNode(GAP));
      } else {
        e.remove();
      }
    }
    String text = GAPS_BEFORE_PUNCTUATION.matcher(collapse(root.text())).replaceAll("");
    return collapse(text.replace(GAP, ""));
  }

  /** Collapses every run of whitespace (including no-break space and line separators) to one space and trims. */
  public static String collapse(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
