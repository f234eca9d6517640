package org.fieldguide.markdown.math;

import java.util.Set;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Parses {@code $…$} (no space just inside either dollar, closing dollar not followed by a digit,
 * as in Pandoc) so that TeX is not mangled by emphasis or escapes. {@code \$} stays a dollar.
 */
public final class MathInlineParser implements InlineContentParser {

  @Override
  public ParsedInline tryParse(InlineParserState state) {
    Scanner scanner = state.scanner();
    Position start = scanner.position();
    scanner.next(); // the opening $
    if (scanner.peek() == '$' || scanner.peek() == ' ' || scanner.peek() == Scanner.END) {
      scanner.setPosition(start);
      return ParsedInline.none();
    }
    Position contentStart = scanner.position();
    while (scanner.hasNext()) {
      char c = scanner.peek();
      if (c == '\\') {
        scanner.next();
        scanner.next();
        continue;
      }
      if (c == '$') {
        Position contentEnd = scanner.position();
        SourceLines content = scanner.getSource(contentStart, contentEnd);
        String tex = content.getContent();
        scanner.next();
        char after = scanner.peek();
        if (tex.endsWith(" ") || Character.isDigit(after)) {
          continue;
        }
        return ParsedInline.of(new MathNode(tex.replace('\n', ' ')), scanner.position());
      }
      scanner.next();
    }
    scanner.setPosition(start);
    return ParsedInline.none();
  }

  /** Registers the parser for the {@code $} character. */
  public static final class Factory implements InlineContentParserFactory {
    @Override
    public Set<Character> getTriggerCharacters() {
      return Set.of('$');
    }

    @Override
    public InlineContentParser create() {
      return new MathInlineParser();
    }
  }
}
