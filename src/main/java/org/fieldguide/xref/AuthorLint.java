package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.model.Page;

/**
 * Mistakes that still build but that a reader would notice, reported as warnings ({@code --strict}
 * makes them errors): a heading that skips a level, a {@code $} or {@code $$} that opens no formula
 * because it is never closed, and a link with an empty or misspelt target. Runs on the parsed body
 * before links are resolved. (Placeholder text left from a starter is {@code
 * starter.Placeholders}.)
 */
public final class AuthorLint {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?s:.*?)\\1");
  private static final List<String> WEB_SCHEMES = List.of("http", "https");

  private AuthorLint() {}

  public static void check(Page page, String markdown, Node document, Diagnostics diagnostics) {
    document.accept(new Walk(page, diagnostics));
    if (markdown != null) {
      checkDollars(page, markdown, diagnostics);
    }
  }

  private static final class Walk extends AbstractVisitor {
    private final Page page;
    private final Diagnostics diagnostics;
    private int level = 1; // the page title is the h1

    Walk(Page page, Diagnostics diagnostics) {
      this.page = page;
      this.diagnostics = diagnostics;
    }

    @Override
    public void visit(Heading heading) {
      if (heading.getLevel() > level + 1) {
        int[] at = PageLinker.position(page, heading);
        String was = level == 1 ? "the page title" : "a '" + "#".repeat(level) + "' heading";
        diagnostics.warning(
            page.sourcePath(),
            at[0],
            at[1],
            "this '"
                + "#".repeat(heading.getLevel())
                + "' heading follows "
                + was
                + " and skips a level; make it '"
                + "#".repeat(level + 1)
                + "' (the outline and screen readers go by level)");
      }
      level = heading.getLevel();
      visitChildren(heading);
    }

    @Override
    public void visit(Link link) {
      checkTarget(link, "link", link.getDestination());
      visitChildren(link);
    }

    @Override
    public void visit(Image image) {
      checkTarget(image, "image", image.getDestination());
      visitChildren(image);
    }

    private void checkTarget(Node node, String what, String destination) {
      int[] at = PageLinker.position(page, node);
      String text = textOf(node);
      if (destination.isBlank()) {
        diagnostics.warning(
            page.sourcePath(),
            at[0],
            at[1],
            what
                + " '"
                + text
                + "' has an empty target; write the page"
                + " or address between the parentheses, or remove the brackets");
        return;
      }
      String problem = malformed(destination);
      if (problem != null) {
        diagnostics.warning(
            page.sourcePath(), at[0], at[1], what + " '" + destination + "' " + problem);
      }
    }
  }

  /**
   * What is wrong with a web address's start ({@code htps://}, {@code http:/x}, {@code https//x}),
   * or null.
   */
  static String malformed(String destination) {
    Matcher m =
        Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)(:/{0,3}|//)").matcher(destination.strip());
    if (!m.find()) {
      return null;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String after = m.group(2);
    if (WEB_SCHEMES.contains(scheme)) {
      return after.equals("://") ? null : "is not a whole web address; write " + scheme + "://…";
    }
    if (after.startsWith(":/")
        && scheme.length() >= 3
        && Suggest.closest(scheme, WEB_SCHEMES).isPresent()
        && !List.of("ftp", "ftps", "file", "data", "tel", "mailto", "sftp", "ssh")
            .contains(scheme)) {
      return "starts with '" + scheme + ":', not a web address; did you mean https://?";
    }
    return null;
  }

  /**
   * A {@code $$} line that is never closed, and a {@code $} in a paragraph that opens no formula.
   */
  private static void checkDollars(Page page, String markdown, Diagnostics diagnostics) {
    String[] lines = markdown.split("\n", -1);
    String fence = null;
    int displayOpen = -1;
    List<int[]> paragraph = new ArrayList<>(); // line index, for the paragraph being gathered
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      Matcher f = FENCE.matcher(line);
      if (fence != null) {
        if (f.find() && line.strip().startsWith(fence)) {
          fence = null;
        }
        continue;
      }
      if (f.find()) {
        fence = f.group(1);
        continue;
      }
      String stripped = line.strip();
      if (displayOpen >= 0) {
        if (stripped.endsWith("$$")) {
          displayOpen = -1;
        }
        continue;
      }
      if (stripped.startsWith("$$")) {
        String rest = stripped.substring(2);
        if (!rest.contains("$$")) {
          displayOpen = i;
        }
        continue;
      }
      if (stripped.isEmpty()) {
        inlineDollars(page, paragraph, text, diagnostics);
        paragraph.clear();
        text.setLength(0);
        continue;
      }
      paragraph.add(new int[] {i, text.length()});
      text.append(line).append('\n');
    }
    if (displayOpen >= 0) {
      diagnostics.warning(
          page.sourcePath(),
          page.bodyFirstLine() + displayOpen,
          lines[displayOpen].indexOf("$$") + 1,
          "this '$$' opens a display formula that is never closed; add a line '$$' after the formula");
    }
  }

  /**
   * Reports the first {@code $} in {@code text} that opens no formula, by the inline parser's own
   * rule.
   */
  private static void inlineDollars(
      Page page, List<int[]> lines, StringBuilder gathered, Diagnostics diagnostics) {
    String text = blankCode(gathered.toString());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c != '$') {
        i++;
        continue;
      }
      if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
        i += 2;
        continue;
      }
      int close = closing(text, i);
      if (close < 0) {
        int[] line = lines.get(0);
        for (int[] l : lines) {
          if (l[1] <= i) {
            line = l;
          }
        }
        diagnostics.warning(
            page.sourcePath(),
            page.bodyFirstLine() + line[0],
            i - line[1] + 1,
            "this '$' opens a formula that is never closed; close it with '$', or write a dollar sign as \\$");
        return;
      }
      i = close + 1;
    }
  }

  /**
   * Where the {@code $} that closes the formula opened at {@code open} is, or -1 (see
   * MathInlineParser).
   */
  private static int closing(String text, int open) {
    int i = open + 1;
    if (i >= text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\n') {
      return open; // not an opener at all: a lone dollar the parser leaves as text
    }
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '$') {
        boolean spaceBefore = text.charAt(i - 1) == ' ';
        boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
        if (!spaceBefore && !digitAfter) {
          return i;
        }
      }
      i++;
    }
    return -1;
  }

  /** {@code text} with inline code spans blanked out, keeping every position. */
  private static String blankCode(String text) {
    Matcher m = INLINE_CODE.matcher(text);
    StringBuilder out = new StringBuilder(text);
    while (m.find()) {
      for (int j = m.start(); j < m.end(); j++) {
        if (out.charAt(j) != '\n') {
          out.setCharAt(j, ' ');
        }
      }
    }
    return out.toString();
  }

  private static String textOf(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.append(text.getLiteral());
          }
        });
    return out.toString();
  }
}
