package org.fieldguide.markdown;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.fieldguide.markdown.cite.CitationExtension;
import org.fieldguide.markdown.math.MathExtension;
import org.fieldguide.markdown.term.TermLinkExtension;
import org.fieldguide.markdown.wiki.WikiLinkExtension;
import org.fieldguide.source.Limits;

/**
 * The one CommonMark parser and renderer of a build: CommonMark plus GFM tables, strikethrough,
 * autolinks, task lists, footnotes and heading ids, plus our own syntax as extensions of the same
 * kind: wiki links, citations, math, and the automatic term links the linker adds. Both are built
 * once, immutable and shared by every thread. The renderer needs nothing of the page it renders:
 * formulas and drawn blocks carry their HTML in the tree ({@link BlockRenderers#draw}).
 */
public final class MarkdownSetup {
  /**
   * In this order: our post-processors run after the autolinker's, and wiki links before citations.
   */
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          TaskListItemsExtension.create(),
          FootnotesExtension.create(),
          HeadingAnchorExtension.create(),
          MathExtension.create(),
          WikiLinkExtension.create(),
          CitationExtension.create(),
          TermLinkExtension.create());

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownSetup() {
    this.parser =
        Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    // Raw HTML is kept: the linker checks it.
    this.renderer =
        HtmlRenderer.builder().extensions(EXTENSIONS).nodeRendererFactory(DrawnBlocks::new).build();
  }

  public Node parse(String markdown) {
    return parser.parse(markdown);
  }

  /**
   * Parses {@code markdown}, or returns empty when it nests deeper than {@link
   * Limits#MAX_MARKDOWN_DEPTH} (every later stage walks the tree recursively, so a deeper tree
   * could overflow the stack). {@code tooDeepAtLine} then gets the 0-based line where the nesting
   * goes too deep (when the parser itself runs out of stack, the line that starts with the most
   * nesting marks).
   */
  public Optional<Node> parseWithinLimits(String markdown, IntConsumer tooDeepAtLine) {
    Node document;
    try {
      document = parser.parse(markdown);
    } catch (StackOverflowError e) {
      tooDeepAtLine.accept(deepestLine(markdown));
      return Optional.empty();
    }
    Node deep = deeperThanLimit(document);
    if (deep != null) {
      Node located = deep;
      while (located.getSourceSpans().isEmpty() && located.getParent() != null) {
        located = located.getParent();
      }
      tooDeepAtLine.accept(
          located.getSourceSpans().isEmpty() ? 0 : located.getSourceSpans().get(0).getLineIndex());
      return Optional.empty();
    }
    return Optional.of(document);
  }

  /** The 0-based line that starts with the longest run of quote, list and emphasis marks. */
  private static int deepestLine(String markdown) {
    int best = 0;
    int bestRun = 0;
    int line = 0;
    int run = 0;
    boolean atStart = true;
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\n') {
        line++;
        run = 0;
        atStart = true;
      } else if (atStart && "> \t-+*_".indexOf(c) >= 0) {
        if (++run > bestRun) {
          bestRun = run;
          best = line;
        }
      } else {
        atStart = false;
      }
    }
    return best;
  }

  /** The first node (in document order) deeper than the limit, found without recursion; or null. */
  private static Node deeperThanLimit(Node document) {
    Node node = document;
    int depth = 0;
    while (node != null) {
      if (depth > Limits.MAX_MARKDOWN_DEPTH) {
        return node;
      }
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        depth++;
        continue;
      }
      while (node != null && node != document && node.getNext() == null) {
        node = node.getParent();
        depth--;
      }
      node = node == null || node == document ? null : node.getNext();
    }
    return null;
  }

  /** The HTML of {@code document}, a parsed, linked and drawn body (or a table cell). */
  public String render(Node document) {
    return renderer.render(document);
  }

  /** Renders each {@link DrawnBlock} as the HTML drawn for it. */
  private static final class DrawnBlocks implements NodeRenderer {
    private final HtmlWriter html;

    DrawnBlocks(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(DrawnBlock.class);
    }

    @Override
    public void render(Node node) {
      html.line();
      html.raw(((DrawnBlock) node).html());
      html.line();
    }
  }
}
