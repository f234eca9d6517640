package org.fieldguide.markdown.math;

/**
 * One TeX token of a formula, with its place in the formula's text ({@code start} inclusive, {@code
 * end} exclusive).
 */
record MathToken(Kind kind, String text, int start, int end) {

  enum Kind {
    /**
     * {@code \name} (letters) or {@code \x} (one other character); {@code text} keeps the
     * backslash.
     */
    COMMAND,
    OPEN_GROUP,
    CLOSE_GROUP,
    SUPERSCRIPT,
    SUBSCRIPT,
    /** {@code &}, the column separator of aligned, cases, matrices. */
    ALIGN,
    /** A run of white space. */
    SPACE,
    /** {@code %} to the end of the line. */
    COMMENT,
    /** Any other single character. */
    CHAR
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isCommand(String name) {
    return kind == Kind.COMMAND && text.length() == name.length() + 1 && text.endsWith(name);
  }

  boolean isChar(char c) {
    return kind == Kind.CHAR && text.length() == 1 && text.charAt(0) == c;
  }

  /** The command's name without the backslash. */
  String name() {
    return text.substring(1);
  }

  /** Space and comments, which TeX skips between a command and its arguments. */
  boolean isIgnorable() {
    return kind == Kind.SPACE || kind == Kind.COMMENT;
  }
}
