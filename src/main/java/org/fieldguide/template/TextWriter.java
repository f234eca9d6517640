package org.fieldguide.template;

import java.io.Writer;

/**
 * A {@link Writer} into an unsynchronised {@link StringBuilder}. mustache.java writes a page in
 * thousands of small pieces, and each write to a {@link java.io.StringWriter} takes the lock of its
 * {@link StringBuffer}.
 */
final class TextWriter extends Writer {
  private final StringBuilder out;

  TextWriter(int capacity) {
    out = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) {
    out.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    out.append(chars, offset, length);
  }

  @Override
  public void write(String s) {
    out.append(s);
  }

  @Override
  public void write(String s, int offset, int length) {
    out.append(s, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence s) {
    out.append(s);
    return this;
  }

  @Override
  public Writer append(CharSequence s, int start, int end) {
    out.append(s, start, end);
    return this;
  }

  @Override
  public Writer append(char c) {
    out.append(c);
    return this;
  }

  /**
   * Appends {@code value} escaped exactly as mustache.java's {@code HtmlEscaper} escapes it
   * ({@code & < > " ' = `} and the control characters up to 13 as entities), without the copy of
   * the value as a char array that it makes for every tag.
   */
  void appendEscaped(String value) {
    int length = value.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c > '`') {
        continue;
      }
      String escaped = escape(c);
      if (escaped != null) {
        out.append(value, start, i).append(escaped);
        start = i + 1;
      }
    }
    out.append(value, start, length);
  }

  private static String escape(char c) {
    if (c <= 13) {
      return "&#" + (int) c + ";";
    }
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      case '=' -> "&#61;";
      case '`' -> "&#96;";
      default -> null;
    };
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
