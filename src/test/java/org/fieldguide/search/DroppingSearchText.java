package org.fieldguide.search;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The search text as {@link SearchText} made it before it had {@link ProseWalker}: select what is
 * not prose, remove it from the tree (an inline marker becomes a gap), take {@code text()}, then
 * close up gaps before punctuation with a regular expression between two collapse passes. Kept as
 * the reference that the one-pass version must agree with.
 */
final class DroppingSearchText {
  private static final String GAP = String.valueOf(SearchText.GAP);
  private static final Pattern GAPS_BEFORE_PUNCTUATION =
      Pattern.compile("(\\s*" + GAP + ")+(?=[.,;:!?)\\]])");

  private DroppingSearchText() {}

  static String fromHtml(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    return dropAndCollapse(Jsoup.parseBodyFragment(html).body());
  }

  static String of(Element element) {
    if (element.is(SearchText.DROP)) {
      return "";
    }
    return dropAndCollapse(element.clone());
  }

  static String ofDiscarding(Element root) {
    return dropAndCollapse(root);
  }

  private static String dropAndCollapse(Element root) {
    for (Element e : root.select(SearchText.DROP)) {
      if (e.is(SearchText.DROP_INLINE)) {
        e.replaceWith(new TextNode(GAP));
      } else {
        e.remove();
      }
    }
    String text = GAPS_BEFORE_PUNCTUATION.matcher(SearchText.collapse(root.text())).replaceAll("");
    return SearchText.collapse(text.replace(GAP, ""));
  }
}
