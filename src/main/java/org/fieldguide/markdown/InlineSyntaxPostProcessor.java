package org.fieldguide.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.fieldguide.markdown.cite.CitationNode;
import org.fieldguide.markdown.wiki.WikiLinkNode;

/**
 * Finds {@code [[wiki links]]} and {@code [@citations]} in text nodes (CommonMark leaves both as
 * literal text) and replaces them with {@link WikiLinkNode}s and {@link CitationNode}s that carry
 * their source positions. Text inside links and code is left alone.
 */
final class InlineSyntaxPostProcessor implements PostProcessor {
  private static final Pattern SYNTAX = Pattern.compile("\\[\\[([^\\[\\]\\n]+?)\\]\\]|\\[(@[^\\[\\]\\n]+?)\\]");

  @Override
  public Node process(Node document) {
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        split(text);
      }

      @Override
      public void visit(Link link) {
        // leave link text alone
      }

      @Override
      public void visit(Code code) {
        // literal
      }
    });
    return document;
  }

  private static void split(Text text) {
    String literal = text.getLiteral();
    if (literal.indexOf('[') < 0) {
      return; // both forms start with '[': most text has none, and needs no matcher
    }
    Matcher m = SYNTAX.matcher(literal);
    if (!m.find()) {
      return;
    }
    SourceSpan span = text.getSourceSpans().isEmpty() ? null : text.getSourceSpans().get(0);
    int last = 0;
    Node anchor = text;
    do {
      Node replacement;
      if (m.group(1) != null) {
        replacement = wikiLink(m.group(1));
      } else {
        replacement = CitationNode.parse(m.group(2));
      }
      if (replacement == null) {
        continue;
      }
      if (m.start() > last) {
        anchor = insertAfter(anchor, new Text(literal.substring(last, m.start())), span, last);
      }
      anchor = insertAfter(anchor, replacement, span, m.start());
      if (span != null) {
        replacement.setSourceSpans(java.util.List.of(SourceSpan.of(span.getLineIndex(),
            span.getColumnIndex() + m.start(), m.end() - m.start())));
      }
      last = m.end();
    } while (m.find());
    if (last == 0) {
      return;
    }
    if (last < literal.length()) {
      insertAfter(anchor, new Text(literal.substring(last)), span, last);
    }
    text.unlink();
  }

  private static Node insertAfter(Node anchor, Node node, SourceSpan span, int offset) {
    anchor.insertAfter(node);
    if (span != null && node instanceof Text t) {
      t.setSourceSpans(java.util.List.of(SourceSpan.of(span.getLineIndex(), span.getColumnIndex() + offset,
          t.getLiteral().length())));
    }
    return node;
  }

  private static WikiLinkNode wikiLink(String inner) {
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
}
