package org.fieldguide.search;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

  private static final Pattern SPACE_BEFORE_PUNCTUATION =
      Pattern.compile(" ([.,;:!?)\\]])(?![-\\w(])");

  private SearchText() {}

  /** The visible text of an HTML fragment, whitespace collapsed; block boundaries become spaces. */
  public static String fromHtml(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element e : doc.body().select(DROP)) {
      e.remove();
    }
    // A dropped citation marker leaves "shown [1]." as "shown ."; close the gap.
    return SPACE_BEFORE_PUNCTUATION.matcher(collapse(doc.body().text())).replaceAll("$1");
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
