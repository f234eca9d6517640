package org.fieldguide.xref;

import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks raw HTML written in Markdown: no script, frames, plugins or forms, no event-handler
 * attributes, no {@code javascript:} addresses. Returns the first problem as a message.
 */
final class RawHtmlChecker {
  private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
      "applet", "form", "input", "button", "base", "meta", "link", "style", "textarea", "select");

  Optional<String> check(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element element : doc.body().getAllElements()) {
      String tag = element.normalName();
      if (FORBIDDEN.contains(tag)) {
        return Optional.of("raw HTML may not contain <" + tag + ">; remove it (the site allows no script or embedded content)");
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
        String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", "");
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
}
