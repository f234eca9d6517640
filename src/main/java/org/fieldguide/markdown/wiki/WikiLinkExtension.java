package org.fieldguide.markdown.wiki;

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
 * Wiki links: {@code [[target]]}, {@code [[target|text]]}, {@code [[target#fragment]]}. The parser
 * part turns each into a {@link WikiLinkNode} (in text, not in link text or code); the linker
 * resolves it; the renderer part writes it as a link, or as its text while it is unresolved.
 */
public final class WikiLinkExtension
    implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private static final Pattern SYNTAX = Pattern.compile("\\[\\[([^\\[\\]\\n]+?)\\]\\]");

  private WikiLinkExtension() {}

  public static Extension create() {
    return new WikiLinkExtension();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessor(new TextSyntaxPostProcessor(SYNTAX, m -> nodeOf(m.group(1))));
  }

  @Override
  public void extend(HtmlRenderer.Builder builder) {
    builder.nodeRendererFactory(Renderer::new);
  }

  /** The node for the inside of {@code [[…]]}, or null when it names nothing. */
  static WikiLinkNode nodeOf(String inner) {
    String target = inner;
    String text = null;
    int bar = inner.indexOf('|');
    if (bar >= 0) {
      target = inner.substring(0, bar);
      text = inner.substring(bar + 1).strip();
    }
    String fragment = null;
    int hash = target.indexOf('#');
    if (hash >= 0) {
      fragment = target.substring(hash + 1).strip();
      target = target.substring(0, hash);
    }
    target = target.strip();
    if (target.isEmpty() && fragment == null) {
      return null;
    }
    return new WikiLinkNode(target, fragment, text == null || text.isEmpty() ? null : text);
  }

  private static final class Renderer implements NodeRenderer {
    private final HtmlWriter html;

    Renderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(WikiLinkNode.class);
    }

    @Override
    public void render(Node node) {
      WikiLinkNode wiki = (WikiLinkNode) node;
      if (wiki.href() == null) {
        html.text(wiki.label());
        return;
      }
      html.tag("a", Attributes.of("href", wiki.href()));
      html.text(wiki.label());
      html.tag("/a");
    }
  }
}
