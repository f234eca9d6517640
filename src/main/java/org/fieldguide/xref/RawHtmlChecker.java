package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Checks raw HTML written in Markdown: no script, frames, plugins or forms, no event-handler
 * attributes, no {@code javascript:} addresses, and every {@code <img>} has an {@code alt}. Returns
 * every problem with the offset in the HTML of the tag or attribute at fault, and every {@code
 * href} and {@code src} for the linker to check.
 */
final class RawHtmlChecker {
  private static final Set<String> FORBIDDEN =
      Set.of(
          "script",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "input",
          "button",
          "base",
          "meta",
          "link",
          "style",
          "textarea",
          "select");

  /** One problem, at {@code offset} characters into the checked HTML. */
  record Problem(int offset, String message) {}

  /**
   * An {@code href} or {@code src} attribute, at {@code offset} characters into the checked HTML.
   */
  record Address(int offset, String tag, String attribute, String value) {}

  /** What checking one piece of raw HTML found. */
  record Result(List<Problem> problems, List<Address> addresses) {}

  Result check(String html) {
    if (endsInsideMarkup(html)) {
      return new Result(
          List.of(
              new Problem(
                  0,
                  "raw HTML ends inside a tag, attribute or comment, which would swallow"
                      + " the page's next lines; finish it (add the closing quote or >)")),
          List.of());
    }
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document shell = Document.createShell("");
    List<Problem> problems = new ArrayList<>();
    List<Address> addresses = new ArrayList<>();
    for (Node node : parser.parseFragmentInput(html, shell.body(), "")) {
      if (node instanceof Element top) {
        for (Element element : top.getAllElements()) {
          check(element, problems);
          for (String key : List.of("href", "src")) {
            if (element.hasAttr(key) && !FORBIDDEN.contains(element.normalName())) {
              addresses.add(
                  new Address(
                      attributeOffset(element, key, offset(element.sourceRange())),
                      element.normalName(),
                      key,
                      element.attr(key)));
            }
          }
        }
      }
    }
    return new Result(List.copyOf(problems), List.copyOf(addresses));
  }

  private static void check(Element element, List<Problem> problems) {
    String tag = element.normalName();
    int at = offset(element.sourceRange());
    if (FORBIDDEN.contains(tag)) {
      problems.add(
          new Problem(
              at,
              "raw HTML may not contain <"
                  + tag
                  + ">; remove it (the site allows no script or embedded content)"));
    }
    if (tag.equals("img") && !element.hasAttr("alt")) {
      problems.add(
          new Problem(
              at,
              "raw HTML <img> has no alt attribute; describe the image in alt=\"…\""
                  + " (or write alt=\"\" if it is only decoration)"));
    }
    for (Attribute attribute : element.attributes()) {
      String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
      // Browsers drop control characters and spaces before an address, and tabs and line breaks in
      // it.
      String value =
          attribute.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\x00-\\x20]", "");
      int attrAt = attributeOffset(element, attribute.getKey(), at);
      if (name.startsWith("on")) {
        problems.add(
            new Problem(
                attrAt,
                "raw HTML may not use the event handler '" + attribute.getKey() + "'; remove it"));
      } else if (name.equals("style")) {
        problems.add(
            new Problem(
                attrAt,
                "raw HTML may not use style attributes (the site's security policy blocks them);"
                    + " use Markdown instead"));
      } else if (value.startsWith("javascript:")
          || value.startsWith("vbscript:")
          || value.startsWith("data:text/html")) {
        problems.add(
            new Problem(
                attrAt,
                "raw HTML may not use a script address in '"
                    + attribute.getKey()
                    + "'; link to a page or a web address"));
      }
    }
  }

  /**
   * Where a tag starts in the checked HTML; 0 when the parser made the element up (as for a bare
   * {@code </p>}).
   */
  private static int offset(Range range) {
    return range.isTracked() && !range.isImplicit() ? Math.max(0, range.startPos()) : 0;
  }

  private static int attributeOffset(Element element, String key, int fallback) {
    Range.AttributeRange range = element.attributes().sourceRange(key);
    return range.nameRange().isTracked() ? Math.max(0, range.nameRange().startPos()) : fallback;
  }

  /**
   * Whether the HTML stops part-way through a tag, attribute or comment. Checked alone, such a tag
   * is dropped at the end of the input; in the page, the browser finishes it with the markup that
   * follows, so {@code <img src=x onerror=alert(1)} would become an element the checks never saw.
   */
  private static boolean endsInsideMarkup(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(100);
    org.jsoup.Jsoup.parse(html, "", parser);
    return parser.getErrors().stream()
        .anyMatch(e -> e.getErrorMessage().contains("end of file (EOF)"));
  }
}
