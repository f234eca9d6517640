package org.fieldguide.markdown.math;

import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Entities;

/**
 * Formulas: inline {@code $…$} ({@link MathNode}) and display blocks between lines of {@code $$}
 * ({@link MathBlock}). The parser part finds them; the build draws each as SVG at build time and
 * puts the drawing on its node ({@code markdown/BlockRenderers}); the renderer part writes the
 * drawing, or the TeX as code where none was made (a table cell shows formulas as code).
 */
public final class MathExtension
    implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private MathExtension() {}

  public static Extension create() {
    return new MathExtension();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new MathBlockParser.Factory());
    builder.customInlineContentParserFactory(new MathInlineParser.Factory());
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
      return Set.of(MathNode.class, MathBlock.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof MathNode math) {
        if (math.trailing().isEmpty()) {
          html.raw(drawn(math.drawnHtml(), math.tex()));
        } else {
          html.raw(
              "<span class=\"math-nowrap\">"
                  + drawn(math.drawnHtml(), math.tex())
                  + Entities.escape(math.trailing())
                  + "</span>");
        }
      } else if (node instanceof MathBlock math) {
        html.line();
        html.raw(drawn(math.drawnHtml(), math.tex()));
        html.line();
      }
    }

    private static String drawn(String drawnHtml, String tex) {
      return drawnHtml != null ? drawnHtml : "<code>" + Entities.escape(tex) + "</code>";
    }
  }
}
