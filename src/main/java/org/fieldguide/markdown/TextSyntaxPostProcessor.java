package org.fieldguide.markdown;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Finds one kind of our syntax, which CommonMark leaves as literal text ({@code [[wiki links]]},
 * {@code [@citations]}), in text nodes and replaces each match with the node {@code nodeOf} makes
 * of it (or leaves it as text if that gives null), with its source position. Text inside links and
 * code is left alone. Immutable, so one instance serves every parser and thread.
 */
public final class TextSyntaxPostProcessor implements PostProcessor {
  private final Pattern syntax;
  private final Function<Matcher, Node> nodeOf;

  public TextSyntaxPostProcessor(Pattern syntax, Function<Matcher, Node> nodeOf) {
    this.syntax = syntax;
    this.nodeOf = nodeOf;
  }

  @Override
  public Node process(Node document) {
    document.accept(
        new AbstractVisitor() {
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

  private void split(Text text) {
    String literal = text.getLiteral();
    if (literal.indexOf('[') < 0) {
      return; // both forms start with '[': most text has none, and needs no matcher
    }
    Matcher m = syntax.matcher(literal);
    if (!m.find()) {
      return;
    }
    SourceSpan span = text.getSourceSpans().isEmpty() ? null : text.getSourceSpans().get(0);
    int last = 0;
    Node anchor = text;
    do {
      Node replacement = nodeOf.apply(m);
      if (replacement == null) {
        continue;
      }
      if (m.start() > last) {
        anchor = insertAfter(anchor, new Text(literal.substring(last, m.start())), span, last);
      }
      anchor = insertAfter(anchor, replacement, span, m.start());
      if (span != null) {
        replacement.setSourceSpans(
            List.of(
                SourceSpan.of(
                    span.getLineIndex(), span.getColumnIndex() + m.start(), m.end() - m.start())));
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
      t.setSourceSpans(
          List.of(
              SourceSpan.of(
                  span.getLineIndex(), span.getColumnIndex() + offset, t.getLiteral().length())));
    }
    return node;
  }
}
