package org.fieldguide.markdown.term;

import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.fieldguide.markdown.Attributes;

/**
 * Automatic term links: the renderer part of the {@link TermLinkNode}s that the linker puts at the
 * first mention of each glossary term (there is no syntax to parse). Each is a link to the term's
 * page in a wrapper that holds the term's short definition as a tooltip.
 */
public final class TermLinkExtension implements HtmlRenderer.HtmlRendererExtension {
  private TermLinkExtension() {}

  public static Extension create() {
    return new TermLinkExtension();
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
      return Set.of(TermLinkNode.class);
    }

    @Override
    public void render(Node node) {
      TermLinkNode term = (TermLinkNode) node;
      // The wrapper is the tooltip's containing block, so the tooltip opens below its own link.
      String tipId = "tip-" + term.term().slug();
      html.tag("span", Attributes.of("class", "term-ref"));
      html.tag(
          "a", Attributes.of("href", term.href(), "class", "term-link", "aria-describedby", tipId));
      html.text(term.text());
      html.tag("/a");
      html.tag("span", Attributes.of("class", "term-tip", "role", "tooltip", "id", tipId));
      html.text(term.term().shortDefinition());
      html.tag("/span");
      html.tag("/span");
    }
  }
}
