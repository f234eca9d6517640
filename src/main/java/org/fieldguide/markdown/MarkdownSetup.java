package org.fieldguide.markdown;

import java.util.List;
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
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.fieldguide.markdown.math.MathBlockParser;
import org.fieldguide.markdown.math.MathInlineParser;

/**
 * The one CommonMark parser and renderer of a build: CommonMark plus GFM tables, strikethrough,
 * autolinks, task lists, footnotes and heading ids, plus our wiki links, citations and math.
 * Both are immutable and thread-safe.
 */
public final class MarkdownSetup {
  private static final List<Extension> EXTENSIONS = List.of(
      TablesExtension.create(),
      StrikethroughExtension.create(),
      AutolinkExtension.create(),
      TaskListItemsExtension.create(),
      FootnotesExtension.create(),
      HeadingAnchorExtension.create());

  private final Parser parser;

  public MarkdownSetup() {
    this.parser = Parser.builder()
        .extensions(EXTENSIONS)
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
        .customBlockParserFactory(new MathBlockParser.Factory())
        .customInlineContentParserFactory(new MathInlineParser.Factory())
        .postProcessor(new InlineSyntaxPostProcessor())
        .build();
  }

  public Node parse(String markdown) {
    return parser.parse(markdown);
  }

  /** A renderer whose custom nodes are drawn by {@code nodeRenderers}; raw HTML is kept (we check it ourselves). */
  public HtmlRenderer renderer(HtmlNodeRendererFactory nodeRenderers) {
    return HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .nodeRendererFactory(nodeRenderers)
        .build();
  }
}
