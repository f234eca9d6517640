package org.fieldguide.search;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Turns rendered body HTML into the plain text the search index holds. */
public final class SearchText {
  /**
   * What never belongs in search text: drawings (formula and chart SVG, and a chart's hint on how
   * to scroll it; the step-by-step version of a flowchart is HTML and stays), displayed formulas
   * (an inline formula's MathML stays, so that "πθ: the policy" keeps its subject), scripts, term
   * tooltips (they would copy every linked term's definition into the page), citation and footnote
   * markers, heading anchors, the table of contents and the page's reference list (the references
   * page has its own entry). {@link ProseWalker#dropOf} decides it element by element; this
   * selector says the same for tests.
   */
  static final String DROP =
      "svg, math[display=block], script, style, template, noscript, .chart-hint, .heading-anchor, "
          + ".term-tip, span.cite, a.cite-ref, sup.footnote-ref, a.footnote-backref, nav.toc, section.references";

  /**
   * The parts of {@link #DROP} that sit inside a line of text; each leaves a {@link #GAP} where it
   * was.
   */
  static final String DROP_INLINE =
      "svg, math[display=block], .heading-anchor, .term-tip, span.cite, a.cite-ref, "
          + "sup.footnote-ref, a.footnote-backref";

  /**
   * Marks where an inline element was dropped (a private-use character, removed again before
   * returning).
   */
  static final char GAP = '\uE000';

  private SearchText() {}

  /** The visible text of an HTML fragment, whitespace collapsed; block boundaries become spaces. */
  public static String fromHtml(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    return ofDiscarding(doc.body());
  }

  /**
   * The visible text of one element, as {@link #fromHtml} gives it (without tooltips, heading
   * anchors and citation markers), or empty if the element is itself one of those; the element is
   * left as it is.
   */
  public static String of(Element element) {
    if (ProseWalker.dropOf(element) != ProseWalker.Drop.KEEP) {
      return "";
    }
    return textOf(element, true, 256);
  }

  /**
   * The same as {@link #fromHtml} of {@code root}'s HTML, read from the element itself: for a
   * caller that has parsed the fragment anyway and is done with it. (It no longer changes the
   * element, but callers should not rely on that.)
   */
  public static String ofDiscarding(Element root) {
    return textOf(root, false, 8192);
  }

  /**
   * The text of a body cut at its {@code h2} and {@code h3} headings that have an id (see {@link
   * PageText}), each part read as {@link #of} reads an element. A heading inside another element (a
   * {@code div} around a chart's steps, say) cuts there too; deeper headings stay in their
   * section's text. The element is left as it is.
   */
  public static PageText sections(Element body) {
    List<PageText.Section> out = new ArrayList<>();
    Cutter cutter = new Cutter(out);
    cutter.walk(body);
    cutter.close();
    return new PageText(out);
  }

  /** Walks a body's blocks, closing a section at each heading. */
  private static final class Cutter {
    private final List<PageText.Section> out;
    private String anchor = "";
    private String heading = "";
    private int level;
    private int parent = -1;
    private int lastH2 = -1;
    private final StringBuilder text = new StringBuilder();

    Cutter(List<PageText.Section> out) {
      this.out = out;
    }

    void walk(Element root) {
      for (Node node : root.childNodes()) {
        if (node instanceof Element e) {
          if (isCut(e)) {
            close();
            anchor = e.id();
            heading = of(e);
            level = e.nameIs("h2") ? 2 : 3;
            parent = level == 2 ? -1 : lastH2;
          } else if (ProseWalker.dropOf(e) == ProseWalker.Drop.KEEP && hasCutInside(e)) {
            walk(e);
          } else {
            add(of(e));
          }
        } else if (node instanceof TextNode t) {
          add(collapse(t.text()));
        }
      }
    }

    private void add(String s) {
      if (!s.isEmpty()) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(s);
      }
    }

    void close() {
      if (level == 2) {
        lastH2 = out.size();
      }
      out.add(new PageText.Section(anchor, heading, level, parent, collapse(text.toString())));
      text.setLength(0);
    }

    private static boolean isCut(Element e) {
      return (e.nameIs("h2") || e.nameIs("h3")) && !e.id().isEmpty();
    }

    private static boolean hasCutInside(Element e) {
      for (Element child : e.children()) {
        if (isCut(child) || hasCutInside(child)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The text left when what is not prose is removed from {@code root}. Only the space before a
   * dropped marker is closed up, and only before punctuation ("shown [1]." becomes "shown."), so
   * the author's own spacing stays as written.
   */
  private static String textOf(Element root, boolean detached, int capacity) {
    StringBuilder text = new StringBuilder(capacity);
    ProseWalker.appendText(root, detached, text);
    char[] chars = new char[text.length()];
    text.getChars(0, chars.length, chars, 0);
    return closeUp(chars, chars.length);
  }

  /**
   * The first {@code length} chars of {@code text} (which it overwrites), trimmed as {@link
   * Element#text()} trims, then with whitespace collapsed (see {@link #collapse}), each run of gaps
   * and whitespace that ends in a gap right before one of {@code .,;:!?)]} removed, and every other
   * gap removed, in one pass. It gives what the regular expression {@code (\s*GAP)+(?=[.,;:!?)\]])}
   * between two {@link #collapse} passes gave.
   */
  private static String closeUp(char[] text, int length) {
    int start = 0;
    int end = length;
    while (start < end && text[start] <= ' ') {
      start++; // String.trim
    }
    while (end > start && text[end - 1] <= ' ') {
      end--;
    }
    // written over the text in place: the result is never longer, and never ahead of what it reads
    int o = 0;
    boolean inRun = false; // inside a run of whitespace and gaps
    boolean runHasSpace = false;
    boolean runEndsInGap = false;
    for (int i = start; i < end; i++) {
      char c = text[i];
      if (c == GAP) {
        inRun = true;
        runEndsInGap = true;
      } else if (isSpace(c)) {
        inRun = true;
        runHasSpace = true;
        runEndsInGap = false;
      } else {
        if (inRun) {
          boolean closed = runEndsInGap && isClosingPunctuation(c);
          if (runHasSpace && !closed && o > 0) {
            text[o++] = ' ';
          }
          inRun = false;
          runHasSpace = false;
          runEndsInGap = false;
        }
        text[o++] = c;
      }
    }
    return new String(text, 0, o);
  }

  private static boolean isClosingPunctuation(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')'
        || c == ']';
  }

  private static boolean isSpace(char c) {
    if (c > ' ' && c < '\u0085') {
      return false; // printable ASCII and the C1 controls below NEL: neither test below holds
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /**
   * Collapses every run of whitespace (including no-break space and line separators) to one space
   * and trims.
   */
  public static String collapse(String s) {
    if (s == null) {
      return "";
    }
    if (isCollapsed(s)) {
      return s; // the search index collapses text that closeUp has collapsed already
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
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

  /**
   * Whether {@link #collapse} would return {@code s} unchanged: no whitespace but single spaces
   * between other characters.
   */
  static boolean isCollapsed(String s) {
    int n = s.length();
    boolean previousSpace = true; // a space at the start is not collapsed
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (previousSpace) {
          return false;
        }
        previousSpace = true;
      } else if (isSpace(c)) {
        return false;
      } else {
        previousSpace = false;
      }
    }
    return !previousSpace || n == 0;
  }
}
