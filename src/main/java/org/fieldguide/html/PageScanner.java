package org.fieldguide.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads a finished page's ids and links in one pass over its text, for the link checker, without
 * building a DOM. The pages are the build's own output (Jsoup-serialised bodies inside our
 * templates), so a tokenizer of tags and attributes is enough: comments, doctype and the raw text
 * of {@code script}, {@code style}, {@code textarea} and {@code title} (outside SVG and MathML) are
 * skipped, attribute values may be quoted either way or bare, and entities in values are decoded as
 * Jsoup decodes them. Which links lie in the page's content is known from the open {@code <article
 * class="content">}. A full Jsoup parse of every page was a fifth of a build's CPU; {@code
 * PageScannerTest} holds this scanner to the same answers as that parse on every page of the real
 * site.
 *
 * <p>Measured gain, kept (docs/performance.md, 2026-12-04): with {@code Jsoup.parse} and {@code
 * select} instead (the reference in {@code PageScannerTest}), a 10,000-page build took 49.1 s and
 * 39.1 s of user CPU against 31.5 s and 23.3 s with this scanner, in two pairs of runs in turn on a
 * shared 2-core machine: 56% and 68% more.
 */
final class PageScanner {
  /**
   * The elements whose content is raw text, not tags; an array, which C1 loops over without an
   * iterator.
   */
  private static final String[] RAW_TEXT = {"script", "style", "textarea", "title"};

  private static final char[][] RAW_TEXT_CHARS = {
    "script".toCharArray(), "style".toCharArray(), "textarea".toCharArray(), "title".toCharArray()
  };
  // the names the scanner looks for, in lower case
  private static final char[] TAG_ARTICLE = "article".toCharArray();
  private static final char[] TAG_LINK = "link".toCharArray();
  private static final char[] TAG_SVG = "svg".toCharArray();
  private static final char[] TAG_MATH = "math".toCharArray();
  private static final char[] ATTR_ID = "id".toCharArray();
  private static final char[] ATTR_HREF = "href".toCharArray();
  private static final char[] ATTR_SRC = "src".toCharArray();
  private static final char[] ATTR_NAME = "name".toCharArray();
  private static final char[] ATTR_CLASS = "class".toCharArray();
  private static final char[] ATTR_REL = "rel".toCharArray();

  private final char[]
      chars; // the page's text, read by index: cheaper than String.charAt, above all under C1
  private final int n; // how many of chars are the page's
  private int pos;
  private final Set<String> ids = new HashSet<>();
  private final List<SiteLinkChecker.Ref> refs = new ArrayList<>();
  private int articleDepth;
  private int contentDepth = -1; // the article depth at which <article class="content"> opened
  private int foreignDepth; // inside <svg> or <math>, where title and style are ordinary elements
  // the raw values of the current tag's attributes that matter, or null when it has none
  private String idValue;
  private String nameValue;
  private String hrefValue;
  private String srcValue;
  private String classValue;
  private String relValue;

  private PageScanner(char[] chars, int length) {
    this.chars = chars;
    this.n = length;
  }

  /**
   * The ids and links of the page held in the first {@code length} chars of {@code chars}, which it
   * does not change.
   */
  static SiteLinkChecker.PageLinks scan(char[] chars, int length) {
    PageScanner scanner = new PageScanner(chars, length);
    scanner.run();
    return new SiteLinkChecker.PageLinks(scanner.ids, scanner.refs);
  }

  private void run() {
    while (true) {
      int lt = indexOf('<', pos);
      if (lt < 0 || lt + 1 >= n) {
        return;
      }
      pos = lt + 1;
      char c = chars[pos];
      if (pos + 2 < n && chars[pos] == '!' && chars[pos + 1] == '-' && chars[pos + 2] == '-') {
        int end = indexOfCommentEnd(pos + 3);
        pos = end < 0 ? n : end + 3;
      } else if (c == '!' || c == '?') {
        skipPast('>');
      } else if (c == '/') {
        pos++;
        int start = pos;
        skipName();
        if ((nameIs(start, TAG_SVG) || nameIs(start, TAG_MATH)) && foreignDepth > 0) {
          foreignDepth--;
        }
        if (nameIs(start, TAG_ARTICLE)) {
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
    int start = pos;
    skipName(); // the name is compared in place; a string is made of it only for a link's Ref
    int end = pos;
    boolean article = nameIs(start, end, TAG_ARTICLE);
    boolean link = !article && nameIs(start, end, TAG_LINK);
    boolean anchor = end - start == 1 && (chars[start] | 0x20) == 'a';
    readAttributes(article, link);
    if (article) {
      articleDepth++;
      if (contentDepth < 0 && hasClass(decoded(classValue), "content")) {
        contentDepth = articleDepth;
      }
    }
    if (idValue != null) {
      ids.add(decoded(idValue));
    }
    if (anchor && nameValue != null) {
      ids.add(decoded(nameValue));
    }
    String attr = hrefValue != null ? "href" : srcValue != null ? "src" : null;
    if (attr != null && !(link && "canonical".equals(decoded(relValue)))) {
      String tag =
          anchor
              ? "a"
              : link ? "link" : new String(chars, start, end - start).toLowerCase(Locale.ROOT);
      refs.add(
          new SiteLinkChecker.Ref(
              tag, attr, decoded(hrefValue != null ? hrefValue : srcValue), contentDepth > 0));
    }
    if ((nameIs(start, end, TAG_SVG) || nameIs(start, end, TAG_MATH)) && !selfClosing()) {
      foreignDepth++;
    }
    if (foreignDepth == 0) {
      String raw = rawTextName(start, end);
      if (raw != null) {
        int close = indexOfIgnoreCase("</" + raw, pos);
        pos = close < 0 ? n : close;
      }
    }
  }

  /**
   * The name of a raw-text element ({@link #RAW_TEXT}) if the tag name from {@code start} to {@code
   * end} is one, else null.
   */
  private String rawTextName(int start, int end) {
    for (int i = 0; i < RAW_TEXT.length; i++) {
      if (nameIs(start, end, RAW_TEXT_CHARS[i])) {
        return RAW_TEXT[i];
      }
    }
    return null;
  }

  /** Whether the tag just read ended with {@code />}. */
  private boolean selfClosing() {
    return pos >= 2 && chars[pos - 2] == '/';
  }

  /** Moves past a tag or attribute name: it ends before white space, '/', '>' or '='. */
  private void skipName() {
    while (pos < n) {
      char c = chars[pos];
      if (c == '>' || c == '/' || c == '=' || isWhitespace(c)) {
        break;
      }
      pos++;
    }
  }

  /**
   * Whether the name from {@code start} to {@code pos} is {@code lower}: {@link #nameIs(int, int,
   * char[])}.
   */
  private boolean nameIs(int start, char[] lower) {
    return nameIs(start, pos, lower);
  }

  /**
   * Whether the name from {@code start} to {@code end}, lower-cased with {@code Locale.ROOT} (as
   * Jsoup does too), is {@code lower}, which is in ASCII lower case. Besides the ASCII capitals,
   * one character lower-cases to an ASCII letter: the Kelvin sign, to {@code k}.
   */
  private boolean nameIs(int start, int end, char[] lower) {
    int length = lower.length;
    if (end - start != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = chars[start + i];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c == '\u212A') {
        c = 'k';
      }
      if (c != lower[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the attributes up to the end of the tag and keeps the raw values of the few the checker
   * uses (a repeated attribute keeps its first value, as in Jsoup); the others are skipped without
   * making strings of their names or values. Entities are decoded by {@link #decoded}, and only in
   * values that are used.
   */
  private void readAttributes(boolean article, boolean link) {
    idValue = nameValue = hrefValue = srcValue = classValue = relValue = null;
    while (pos < n) {
      char c = chars[pos];
      if (c == '>') {
        pos++;
        return;
      }
      if (c == '/' || isWhitespace(c)) {
        pos++;
        continue;
      }
      if (c == '=') { // a stray '=' starts a name in HTML; it only matters for names we never read
        pos++;
      }
      int start = pos;
      skipName();
      int kind =
          pos == start
              ? NONE
              : nameIs(start, ATTR_ID)
                  ? ID
                  : nameIs(start, ATTR_HREF)
                      ? HREF
                      : nameIs(start, ATTR_SRC)
                          ? SRC
                          : nameIs(start, ATTR_NAME)
                              ? NAME
                              : article && nameIs(start, ATTR_CLASS)
                                  ? CLASS
                                  : link && nameIs(start, ATTR_REL) ? REL : OTHER;
      while (pos < n && isWhitespace(chars[pos])) {
        pos++;
      }
      String value = "";
      if (pos < n && chars[pos] == '=') {
        pos++;
        while (pos < n && isWhitespace(chars[pos])) {
          pos++;
        }
        value = kind == OTHER || kind == NONE ? skipValue() : value();
      }
      switch (kind) {
        case ID -> idValue = idValue == null ? value : idValue;
        case HREF -> hrefValue = hrefValue == null ? value : hrefValue;
        case SRC -> srcValue = srcValue == null ? value : srcValue;
        case NAME -> nameValue = nameValue == null ? value : nameValue;
        case CLASS -> classValue = classValue == null ? value : classValue;
        case REL -> relValue = relValue == null ? value : relValue;
        default -> {}
      }
    }
  }

  private static final int NONE = 0;
  private static final int OTHER = 1;
  private static final int ID = 2;
  private static final int HREF = 3;
  private static final int SRC = 4;
  private static final int NAME = 5;
  private static final int CLASS = 6;
  private static final int REL = 7;

  /** A raw attribute value with its entities decoded as Jsoup decodes them; null stays null. */
  private static String decoded(String value) {
    return value == null || value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true);
  }

  /** Moves past a value as {@link #value} reads it; the empty string stands for any value. */
  private String skipValue() {
    if (pos >= n) {
      return "";
    }
    char quote = chars[pos];
    if (quote == '"' || quote == '\'') {
      int end = indexOf(quote, pos + 1);
      pos = end < 0 ? n : end + 1;
      return "";
    }
    while (pos < n && chars[pos] != '>' && !isWhitespace(chars[pos])) {
      pos++;
    }
    return "";
  }

  private String value() {
    if (pos >= n) {
      return "";
    }
    char quote = chars[pos];
    if (quote == '"' || quote == '\'') {
      int end = indexOf(quote, pos + 1);
      String value = new String(chars, pos + 1, (end < 0 ? n : end) - (pos + 1));
      pos = end < 0 ? n : end + 1;
      return value;
    }
    int start = pos;
    while (pos < n && chars[pos] != '>' && !isWhitespace(chars[pos])) {
      pos++;
    }
    return new String(chars, start, pos - start);
  }

  private void skipPast(char c) {
    int end = indexOf(c, pos);
    pos = end < 0 ? n : end + 1;
  }

  private int indexOfIgnoreCase(String needle, int from) {
    for (int i = indexOf('<', from); i >= 0; i = indexOf('<', i + 1)) {
      if (regionMatchesIgnoreCase(i, needle)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code String.regionMatches(true, at, needle, 0, needle.length())} on the array, with the same
   * case rules.
   */
  private boolean regionMatchesIgnoreCase(int at, String needle) {
    int length = needle.length();
    if (at < 0 || at + length > n) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char a = chars[at + i];
      char b = needle.charAt(i);
      if (a == b) {
        continue;
      }
      char ua = Character.toUpperCase(a);
      char ub = Character.toUpperCase(b);
      if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code -->} at or after {@code from}, or -1. */
  private int indexOfCommentEnd(int from) {
    for (int i = indexOf('-', from); i >= 0 && i + 2 < n; i = indexOf('-', i + 1)) {
      if (chars[i + 1] == '-' && chars[i + 2] == '>') {
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

  /**
   * The first {@code c} at or after {@code from}, or -1: {@link String#indexOf(int, int)} on the
   * array.
   */
  private int indexOf(char c, int from) {
    for (int i = Math.max(from, 0); i < n; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** {@link Character#isWhitespace}, without a table lookup for ASCII. */
  private static boolean isWhitespace(char c) {
    if (c <= ' ') {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
    }
    return c >= '\u0080' && Character.isWhitespace(c);
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
