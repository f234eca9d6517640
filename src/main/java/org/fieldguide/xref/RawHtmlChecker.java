package org.fieldguide.xref;

import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Checks raw HTML written in Markdown: no script, frames, plugins or forms, no event-handler
 * attributes, no {@code javascript:} addresses. Returns the first problem as a message.
 */
final class RawHtmlChecker {
  private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
      "applet", "form", "input", "button", "base", "meta", "link", "style", "textarea", "select");

  Optional<String> check(String html) {
    if (endsInsideMarkup(html)) {
      return Optional.of("raw HTML ends inside a tag, attribute or comment, which would swallow the page's next lines;"
          + " finish it (add the closing quote or >)");
    }
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element element : doc.body().getAllElements()) {
      String tag = element.normalName();
      if (FORBIDDEN.contains(tag)) {
        return Optional.of("raw HTML may not contain <" + tag + ">; remove it (the site allows no script or embedded content)");
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
        // Browsers drop control characters and spaces before an address, and tabs and line breaks in it.
        String value = attribute.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\x00-\\x20]", "");
        if (name.startsWith("on")) {
          return Optional.of("raw HTML may not use the event handler '" + attribute.getKey() + "'; remove it");
        }
        if (name.equals("style")) {
          return Optional.of("raw HTML may not use style attributes (the site's security policy blocks them); use Markdown instead");
        }
        if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html")) {
          return Optional.of("raw HTML may not use a script address in '" + attribute.getKey() + "'; link to a page or a web address");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the HTML stops part-way through a tag, attribute or comment. Checked alone, such a tag
   * is dropped at the end of the input; in the page, the browser finishes it with the markup that
   * follows, so {@code <img src=x onerror=alert(1)} would become an element the checks never saw.
   */
  private static boolean endsInsideMarkup(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(100);
    Jsoup.parse(html, "", parser);
    return parser.getErrors().stream().anyMatch(e -> e.getErrorMessage().contains("end of file (EOF)"));
  }
}
