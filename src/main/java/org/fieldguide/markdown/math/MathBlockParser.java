package org.fieldguide.markdown.math;

import org.commonmark.node.Block;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Parses display math: a line {@code $$}, TeX lines, a line {@code $$} (or {@code $$ tex $$} on one
 * line).
 */
public final class MathBlockParser extends AbstractBlockParser {
  private final MathBlock block = new MathBlock();
  private final StringBuilder tex = new StringBuilder();
  private boolean closed;

  private MathBlockParser(String firstLineRest) {
    String rest = firstLineRest.strip();
    if (rest.endsWith("$$") && rest.length() >= 2) {
      tex.append(rest, 0, rest.length() - 2);
      closed = true;
    } else {
      tex.append(rest);
    }
  }

  @Override
  public Block getBlock() {
    return block;
  }

  @Override
  public BlockContinue tryContinue(ParserState state) {
    if (closed) {
      return BlockContinue.none();
    }
    return BlockContinue.atIndex(state.getIndex());
  }

  @Override
  public void addLine(SourceLine line) {
    String content = line.getContent().toString();
    if (content.strip().endsWith("$$")) {
      String before = content.strip();
      tex.append('\n').append(before, 0, before.length() - 2);
      closed = true;
      return;
    }
    tex.append('\n').append(content);
  }

  @Override
  public void closeBlock() {
    block.tex(tex.toString().strip());
  }

  public static final class Factory extends AbstractBlockParserFactory {
    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
      if (state.getIndent() >= 4) {
        return BlockStart.none();
      }
      CharSequence line = state.getLine().getContent();
      int start = state.getNextNonSpaceIndex();
      if (line.length() - start >= 2
          && line.charAt(start) == '$'
          && line.charAt(start + 1) == '$') {
        String rest = line.subSequence(start + 2, line.length()).toString();
        return BlockStart.of(new MathBlockParser(rest)).atIndex(line.length());
      }
      return BlockStart.none();
    }
  }
}
