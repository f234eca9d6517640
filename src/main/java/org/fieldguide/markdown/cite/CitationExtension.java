package org.fieldguide.markdown.cite;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.fieldguide.markdown.Attributes;
import org.fieldguide.markdown.TextSyntaxPostProcessor;

/**
 * Citations: {@code [@key]}, {@code [@key, p. 4]}, {@code [@a; @b]}. The parser part turns each
 * into a {@link CitationNode} (in text, not in link text or code; after wiki links, so that {@code
 * [[@x]]} stays a wiki link); the linker numbers its references; the renderer part writes the
 * bracketed numbers, each a link to the page's reference list.
 *
 * <p>The parser part is a post-processor over text, as for wiki links, rather than a {@code
 * LinkProcessor} on CommonMark's own brackets: a link processor would also claim {@code [@key]}
 * inside a link's text (nesting a link in a link) and bracketed text with emphasis, which the
 * site's content has always read as literal text.
 */
public final class CitationExtension
    implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private static final Pattern SYNTAX = Pattern.compile("\\[(@[^\\[\\]\\n]+?)\\]");

  private CitationExtension() {}

  public static Extension create() {
    return new CitationExtension();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessor(new TextSyntaxPostProcessor(SYNTAX, m -> CitationNode.parse(m.group(1))));
  }

  @Override
  public void extend(HtmlRenderer.Builder builder) {
    builder.nodeRendererFactory(Renderer::new);
  }

  private static final class Renderer implements NodeRenderer {
    private final HtmlWriter html;

    Renderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(CitationNode.class);
    }

    @Override
    public void render(Node node) {
      CitationNode citation = (CitationNode) node;
      html.tag("span", Attributes.of("class", "cite"));
      html.text("[");
      boolean first = true;
      for (CitationNode.Ref ref : citation.refs()) {
        if (!first) {
          html.text("; ");
        }
        first = false;
        if (ref.number() == 0) {
          html.text("@" + ref.key());
          continue;
        }
        html.tag(
            "a",
            Attributes.of(
                "href",
                "#ref-" + ref.number(),
                "class",
                "cite-ref",
                "aria-label",
                "Reference " + ref.number() + (ref.locator() != null ? ", " + ref.locator() : "")));
        html.text(String.valueOf(ref.number()));
        html.tag("/a");
        if (ref.locator() != null) {
          html.text(", " + ref.locator());
        }
      }
      html.text("]");
      html.tag("/span");
    }
  }
}
