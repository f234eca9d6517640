package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.markdown.chart.ChartReader;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.TermKind;

/**
 * Checks on the shape of a page's Markdown that depend on its kind (FAQ questions, term sections,
 * one flowchart).
 */
public final class PageChecks {
  public static final String BEHAVIORAL = "Behavioral definition";
  public static final String MECHANISTIC = "Mechanistic definition";

  private PageChecks() {}

  public static void check(Page page, Node document, Diagnostics diagnostics) {
    if (page.kind() == PageKind.FAQ) {
      checkFaq(page, document, diagnostics);
    } else if (page.kind() == PageKind.TERM && page.term().kind() == TermKind.BOTH) {
      checkBoth(page, document, diagnostics);
    } else if (page.kind() == PageKind.FLOWCHART) {
      checkFlowchart(page, document, diagnostics);
    }
  }

  /**
   * A flowchart page holds exactly one {@code flowchart} block: none is reported at the body, more
   * at each extra one.
   */
  private static void checkFlowchart(Page page, Node document, Diagnostics diagnostics) {
    List<FencedCodeBlock> charts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            if (ChartReader.blockKind(block.getInfo()).equals("flowchart")) {
              charts.add(block);
            }
          }
        });
    if (charts.isEmpty()) {
      diagnostics.error(
          page.sourcePath(),
          page.bodyFirstLine(),
          1,
          "this flowchart page has no ```flowchart block;"
              + " add exactly one, or move the page out of content/flowcharts/");
      return;
    }
    int first = position(page, charts.get(0))[0];
    for (FencedCodeBlock extra : charts.subList(1, charts.size())) {
      int[] pos = position(page, extra);
      diagnostics.error(
          page.sourcePath(),
          pos[0],
          pos[1],
          "this is a second ```flowchart block (the first is at line "
              + first
              + "); a flowchart page has exactly one, so move this chart to a page of its own in content/flowcharts/");
    }
  }

  private static void checkFaq(Page page, Node document, Diagnostics diagnostics) {
    Map<String, Heading> seen = new HashMap<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading h && h.getLevel() == 2) {
        String text = plainText(h).strip();
        int[] pos = position(page, h);
        if (!text.endsWith("?")) {
          diagnostics.error(
              page.sourcePath(),
              pos[0],
              pos[1],
              "'## "
                  + text
                  + "' is not a question; in a FAQ file every ## heading is a question ending in '?' (use ### for sub-headings)");
        }
        Node next = h.getNext();
        if (next == null || (next instanceof Heading nh && nh.getLevel() <= 2)) {
          diagnostics.error(
              page.sourcePath(),
              pos[0],
              pos[1],
              "question '" + text + "' has no answer; write the answer under it");
        }
        Heading other = seen.putIfAbsent(text.toLowerCase(java.util.Locale.ROOT), h);
        if (other != null) {
          diagnostics.error(
              page.sourcePath(),
              pos[0],
              pos[1],
              "question '"
                  + text
                  + "' is asked twice (also at line "
                  + position(page, other)[0]
                  + "); merge the answers");
        }
      }
    }
    if (seen.isEmpty()) {
      diagnostics.error(
          page.sourcePath(),
          page.bodyFirstLine(),
          1,
          "this FAQ page has no questions; add '## A question?' headings with answers");
    }
  }

  private static void checkBoth(Page page, Node document, Diagnostics diagnostics) {
    boolean behavioral = false;
    boolean mechanistic = false;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading h && h.getLevel() == 2) {
        String text = plainText(h).strip();
        if (text.equalsIgnoreCase(BEHAVIORAL)) {
          behavioral = true;
        } else if (text.equalsIgnoreCase(MECHANISTIC)) {
          mechanistic = true;
        } else {
          int[] pos = position(page, h);
          diagnostics.error(
              page.sourcePath(),
              pos[0],
              pos[1],
              "a term of kind 'both' has exactly two sections, '## "
                  + BEHAVIORAL
                  + "' and '## "
                  + MECHANISTIC
                  + "'; rename or remove '## "
                  + text
                  + "'");
        }
      }
    }
    if (!behavioral || !mechanistic) {
      String lacking = !behavioral ? BEHAVIORAL : MECHANISTIC;
      diagnostics.error(
          page.sourcePath(),
          page.term().origin().line(),
          1,
          "term '"
              + page.term().term()
              + "' is of kind 'both' but has no '## "
              + lacking
              + "' section; add it, or change kind");
    }
  }

  static String plainText(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            out.append(code.getLiteral());
          }
        });
    return out.toString();
  }

  static int[] position(Page page, Node node) {
    var spans = node.getSourceSpans();
    if (spans == null || spans.isEmpty()) {
      return new int[] {page.bodyFirstLine(), 1};
    }
    return new int[] {
      spans.get(0).getLineIndex() + page.bodyFirstLine(), spans.get(0).getColumnIndex() + 1
    };
  }
}
