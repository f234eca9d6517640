package org.fieldguide.markdown;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.fieldguide.markdown.cite.CitationNode;
import org.fieldguide.markdown.math.MathBlock;
import org.fieldguide.markdown.math.MathNode;
import org.fieldguide.markdown.term.TermLinkNode;
import org.fieldguide.markdown.wiki.WikiLinkNode;

/** Renders a resolved page body to an HTML fragment, drawing our own nodes. */
public final class BodyRenderer {
  private final MarkdownSetup setup;

  public BodyRenderer(MarkdownSetup setup) {
    this.setup = setup;
  }

  public String render(Node document, BodyHooks hooks) {
    HtmlRenderer renderer = setup.renderer(context -> new OurNodes(context, hooks));
    return renderer.render(document);
  }

  private static final class OurNodes implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final BodyHooks hooks;
    private final NodeRenderer codeFallback;

    OurNodes(HtmlNodeRendererContext context, BodyHooks hooks) {
      this.context = context;
      this.html = context.getWriter();
      this.hooks = hooks;
      this.codeFallback = new org.commonmark.renderer.html.CoreHtmlNodeRenderer(context);
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(WikiLinkNode.class, CitationNode.class, MathNode.class, MathBlock.class, TermLinkNode.class,
          FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof WikiLinkNode wiki) {
        if (wiki.href() == null) {
          html.text(wiki.label());
        } else {
          html.tag("a", attrs("href", wiki.href()));
          html.text(wiki.label());
          html.tag("/a");
        }
      } else if (node instanceof CitationNode citation) {
        renderCitation(citation);
      } else if (node instanceof MathNode math) {
        html.raw(hooks.mathHtml(math.tex(), false, math));
      } else if (node instanceof MathBlock math) {
        html.line();
        html.raw(hooks.mathHtml(math.tex(), true, math));
        html.line();
      } else if (node instanceof TermLinkNode term) {
        // The wrapper is the tooltip's containing block, so the tooltip opens below its own link.
        String tipId = "tip-" + term.term().slug();
        html.tag("span", attrs("class", "term-ref"));
        html.tag("a", attrs("href", term.href(), "class", "term-link", "aria-describedby", tipId));
        html.text(term.text());
        html.tag("/a");
        html.tag("span", attrs("class", "term-tip", "role", "tooltip", "id", tipId));
        html.text(term.term().shortDefinition());
        html.tag("/span");
        html.tag("/span");
      } else if (node instanceof FencedCodeBlock block) {
        String special = hooks.fencedBlockHtml(block);
        if (special != null) {
          html.line();
          html.raw(special);
          html.line();
        } else {
          codeFallback.render(block);
        }
      }
    }

    /** Attributes in the order given, so output stays byte-identical between runs. */
    private static Map<String, String> attrs(String... pairs) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        out.put(pairs[i], pairs[i + 1]);
      }
      return out;
    }

    private void renderCitation(CitationNode citation) {
      html.tag("span", attrs("class", "cite"));
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
        html.tag("a", attrs("href", "#ref-" + ref.number(), "class", "cite-ref",
            "aria-label", "Reference " + ref.number() + (ref.locator() != null ? ", " + ref.locator() : "")));
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
