package org.fieldguide.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * {@link PageScanner} as it was before it stopped making a map of every tag's attributes: kept as
 * the reference the allocation-free version must agree with.
 */
final class AttributeMapPageScanner {
  private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title");

  private final String html;
  private int pos;
  private final Set<String> ids = new HashSet<>();
  private final List<SiteLinkChecker.Ref> refs = new ArrayList<>();
  private int articleDepth;
  private int contentDepth = -1; // the article depth at which <article class="content"> opened
  private int foreignDepth; // inside <svg> or <math>, where title and style are ordinary elements

  private AttributeMapPageScanner(String html) {
    this.html = html;
  }

  static SiteLinkChecker.PageLinks scan(String html) {
    AttributeMapPageScanner scanner = new AttributeMapPageScanner(html);
    scanner.run();
    return new SiteLinkChecker.PageLinks(scanner.ids, scanner.refs);
  }

  private void run() {
    int n = html.length();
    while (true) {
      int lt = html.indexOf('<', pos);
      if (lt < 0 || lt + 1 >= n) {
        return;
      }
      pos = lt + 1;
      char c = html.charAt(pos);
      if (html.startsWith("!--", pos)) {
        int end = html.indexOf("-->", pos + 3);
        pos = end < 0 ? n : end + 3;
      } else if (c == '!' || c == '?') {
        skipPast('>');
      } else if (c == '/') {
        pos++;
        String name = name();
        if ((name.equals("svg") || name.equals("math")) && foreignDepth > 0) {
          foreignDepth--;
        }
        if (name.equals("article")) {
          if (articleDepth == contentDepth) {
            contentDepth = -1;
          }
          articleDepth = Math.max(0, articleDepth - 1);
        }
        skipPast('>');
      } else if (isLetter(c)) {
        startTag();
      }
    }
  }

  private void startTag() {
    String tag = name();
    Map<String, String> attrs = attributes();
    if (tag.equals("article")) {
      articleDepth++;
      if (contentDepth < 0 && hasClass(attrs.get("class"), "content")) {
        contentDepth = articleDepth;
      }
    }
    String id = attrs.get("id");
    if (id != null) {
      ids.add(id);
    }
    if (tag.equals("a") && attrs.containsKey("name")) {
      ids.add(attrs.get("name"));
    }
    String attr = attrs.containsKey("href") ? "href" : attrs.containsKey("src") ? "src" : null;
    if (attr != null && !(tag.equals("link") && "canonical".equals(attrs.get("rel")))) {
      refs.add(new SiteLinkChecker.Ref(tag, attr, attrs.get(attr), contentDepth > 0));
    }
    if ((tag.equals("svg") || tag.equals("math")) && !selfClosing()) {
      foreignDepth++;
    }
    if (foreignDepth == 0 && RAW_TEXT.contains(tag)) {
      int end = indexOfIgnoreCase("</" + tag, pos);
      pos = end < 0 ? html.length() : end;
    }
  }

  /** Whether the tag just read ended with {@code />}. */
  private boolean selfClosing() {
    return pos >= 2 && html.charAt(pos - 2) == '/';
  }

  /** A tag or attribute name, lower-cased, ending before white space, '/', '>' or '='. */
  private String name() {
    int start = pos;
    int n = html.length();
    while (pos < n) {
      char c = html.charAt(pos);
      if (c == '>' || c == '/' || c == '=' || Character.isWhitespace(c)) {
        break;
      }
      pos++;
    }
    return html.substring(start, pos).toLowerCase(Locale.ROOT);
  }

  /**
   * The attributes up to the end of the tag; a repeated attribute keeps its first value, as in
   * Jsoup.
   */
  private Map<String, String> attributes() {
    Map<String, String> attrs = new LinkedHashMap<>();
    int n = html.length();
    while (pos < n) {
      char c = html.charAt(pos);
      if (c == '>') {
        pos++;
        return attrs;
      }
      if (c == '/' || Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      if (c == '=') { // a stray '=' starts a name in HTML; it only matters for names we never read
        pos++;
      }
      String name = name();
      while (pos < n && Character.isWhitespace(html.charAt(pos))) {
        pos++;
      }
      String value = "";
      if (pos < n && html.charAt(pos) == '=') {
        pos++;
        while (pos < n && Character.isWhitespace(html.charAt(pos))) {
          pos++;
        }
        value = value();
      }
      if (!name.isEmpty()) {
        attrs.putIfAbsent(
            name, value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value);
      }
    }
    return attrs;
  }

  private String value() {
    int n = html.length();
    if (pos >= n) {
      return "";
    }
    char quote = html.charAt(pos);
    if (quote == '"' || quote == '\'') {
      int end = html.indexOf(quote, pos + 1);
      String value = html.substring(pos + 1, end < 0 ? n : end);
      pos = end < 0 ? n : end + 1;
      return value;
    }
    int start = pos;
    while (pos < n && html.charAt(pos) != '>' && !Character.isWhitespace(html.charAt(pos))) {
      pos++;
    }
    return html.substring(start, pos);
  }

  private void skipPast(char c) {
    int end = html.indexOf(c, pos);
    pos = end < 0 ? html.length() : end + 1;
  }

  private int indexOfIgnoreCase(String needle, int from) {
    for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
      if (html.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasClass(String classes, String name) {
    if (classes == null) {
      return false;
    }
    for (String c : classes.trim().split("\\s+")) {
      if (c.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
