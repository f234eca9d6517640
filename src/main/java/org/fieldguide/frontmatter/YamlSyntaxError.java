package org.fieldguide.frontmatter;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML syntax error as an author should read it. SnakeYAML reports where it gave up (the problem
 * mark) and what it was reading then (the context mark): for a quoted value, list or mapping that
 * is never closed it gives up at the end of the YAML, which in front matter is the closing {@code
 * ---}, so the error is placed where the unclosed value starts instead. Otherwise it stays where
 * the parser gave up, and names what was being read and where that began. A character YAML does not
 * allow at all, such as a NUL, is placed where it is.
 *
 * @param line 1-based line in the file
 * @param column 1-based column, in code points
 */
record YamlSyntaxError(int line, int column, String message) {
  private static final String FIX =
      "fix the syntax (quote values that contain ': ' or start with a special character)";

  /**
   * The error {@code e} in {@code yaml}, whose first line is line {@code firstLine} of its file.
   */
  static YamlSyntaxError of(MarkedYamlEngineException e, String yaml, int firstLine) {
    Optional<Mark> problem = e.getProblemMark();
    Optional<Mark> context = e.getContextMark();
    String what = e.getContext() == null ? "" : e.getContext();
    String found = e.getProblem() == null ? "" : e.getProblem();
    if (context.isPresent()) {
      Mark start = context.get();
      boolean atEnd = found.contains("end of stream") || found.contains("<stream end>");
      if (what.contains("quoted scalar") && atEnd) {
        String quote = quoteAt(yaml, start);
        return at(
            start,
            firstLine,
            "malformed YAML: the quoted value starting here is never closed; add the closing "
                + quote
                + " at the end of the value");
      }
      if (what.contains("flow sequence") && found.startsWith("expected ',' or ']'")) {
        return at(
            start,
            firstLine,
            "malformed YAML: the list starting here with '[' is not closed"
                + where(problem, atEnd, firstLine)
                + "; add ']' after its last item, or quote the value if it is text starting with '['");
      }
      if (what.contains("flow mapping") && found.startsWith("expected ',' or '}'")) {
        return at(
            start,
            firstLine,
            "malformed YAML: the mapping starting here with '{' is not closed"
                + where(problem, atEnd, firstLine)
                + "; add '}' after its last entry, or quote the value if it is text starting with '{'");
      }
    }
    String since =
        context
            .filter(c -> !what.isBlank() && !sameMark(c, problem))
            .map(
                c ->
                    " ("
                        + what
                        + " that starts at "
                        + (firstLine + c.getLine())
                        + ":"
                        + (c.getColumn() + 1)
                        + ")")
            .orElse("");
    Mark mark = problem.or(() -> context).orElse(null);
    String message = "malformed YAML: " + found + since + "; " + FIX;
    return mark == null ? new YamlSyntaxError(firstLine, 1, message) : at(mark, firstLine, message);
  }

  /**
   * The error {@code e} that SnakeYAML's reader gives for a character YAML does not allow (a NUL,
   * another control character, U+FFFE), placed at that character: the reader's own position counts
   * from its buffer, not from the start of the YAML.
   */
  static YamlSyntaxError unreadable(ReaderException e, String yaml, int firstLine) {
    int line = firstLine;
    int column = 1;
    for (int i = 0; i < yaml.length(); ) {
      int c = yaml.codePointAt(i);
      if (!StreamReader.isPrintable(c)) {
        String what =
            Character.getType(c) == Character.CONTROL ? "the control character " : "the character ";
        return new YamlSyntaxError(
            line,
            column,
            "malformed YAML: "
                + what
                + String.format("U+%04X", c)
                + " cannot appear in YAML, even in quotes; delete it");
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i += Character.charCount(c);
    }
    return new YamlSyntaxError(firstLine, 1, "malformed YAML: " + e.getMessage() + "; " + FIX);
  }

  private static YamlSyntaxError at(Mark mark, int firstLine, String message) {
    return new YamlSyntaxError(firstLine + mark.getLine(), mark.getColumn() + 1, message);
  }

  /** " before N:C" for where the parser gave up, unless that is the end of the YAML. */
  private static String where(Optional<Mark> problem, boolean atEnd, int firstLine) {
    return atEnd || problem.isEmpty()
        ? ""
        : " before "
            + (firstLine + problem.get().getLine())
            + ":"
            + (problem.get().getColumn() + 1);
  }

  private static boolean sameMark(Mark a, Optional<Mark> b) {
    return b.isPresent()
        && a.getLine() == b.get().getLine()
        && a.getColumn() == b.get().getColumn();
  }

  /** The quote character at {@code mark} in {@code yaml} (columns count code points). */
  private static String quoteAt(String yaml, Mark mark) {
    int index = mark.getIndex();
    if (index >= 0 && index < yaml.codePointCount(0, yaml.length())) {
      int c = yaml.codePointAt(yaml.offsetByCodePoints(0, index));
      if (c == '\'' || c == '"') {
        return c == '"' ? "\"" : "'";
      }
    }
    return "quote";
  }
}
