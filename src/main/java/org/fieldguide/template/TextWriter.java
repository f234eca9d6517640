package org.fieldguide.template;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} into a growing char array, unsynchronised. mustache.java writes a page in
 * thousands of small pieces, and each write to a {@link java.io.StringWriter} takes the lock of its
 * {@link StringBuffer}. The finished text is handed on as a {@link Text}, whose chars the link
 * scanner reads and which encodes itself to UTF-8, so that a page need not become a {@link String}
 * at all: for a page with one character outside Latin-1, that String would be stored in UTF-16, and
 * copying, compressing and encoding it was a tenth of a large build.
 */
final class TextWriter extends Writer {
  private char[] buf;
  private int count;

  /**
   * Where a value to escape is copied first: reading a char array is cheaper than {@code
   * String.charAt}.
   */
  private char[] scratch = new char[256];

  private final int capacity;

  TextWriter(int capacity) {
    this.capacity = Math.max(16, capacity);
    buf = new char[this.capacity];
  }

  /**
   * Empties this writer to be written again, keeping its array unless an unusually large page grew
   * it past {@link #KEEP_AT_MOST} chars. Every {@link Text} it gave out is then invalid.
   */
  void reset() {
    count = 0;
    if (buf.length > KEEP_AT_MOST) {
      buf = new char[capacity];
    }
  }

  /**
   * The largest array {@link #reset} keeps: 1 Mi chars, 2 MiB, far above a page of the sites we
   * build.
   */
  static final int KEEP_AT_MOST = 1 << 20;

  private void ensure(int more) {
    int need = count + more;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
  }

  @Override
  public void write(int c) {
    ensure(1);
    buf[count++] = (char) c;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    ensure(length);
    System.arraycopy(chars, offset, buf, count, length);
    count += length;
  }

  @Override
  public void write(String s) {
    int length = s.length();
    ensure(length);
    s.getChars(0, length, buf, count);
    count += length;
  }

  @Override
  public void write(String s, int offset, int length) {
    ensure(length);
    s.getChars(offset, offset + length, buf, count);
    count += length;
  }

  @Override
  public TextWriter append(CharSequence s) {
    String text = String.valueOf(s);
    write(text);
    return this;
  }

  @Override
  public TextWriter append(CharSequence s, int start, int end) {
    CharSequence text = s == null ? "null" : s; // as Writer.append does
    write(text.subSequence(start, end).toString()); // the part only, not the whole text first
    return this;
  }

  @Override
  public TextWriter append(char c) {
    write(c);
    return this;
  }

  /**
   * Appends {@code value} escaped exactly as mustache.java's {@code HtmlEscaper} escapes it ({@code
   * & < > " ' = `} and the control characters up to 13 as entities), without the copy of the value
   * as a char array that it makes for every tag.
   */
  void appendEscaped(String value) {
    int length = value.length();
    if (scratch.length < length) {
      scratch = new char[Math.max(length, scratch.length * 2)];
    }
    char[] chars = scratch;
    value.getChars(0, length, chars, 0);
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c > '`') {
        continue;
      }
      String escaped = escape(c);
      if (escaped != null) {
        write(chars, start, i - start);
        write(escaped);
        start = i + 1;
      }
    }
    write(chars, start, length - start);
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

  /** What was written, valid until this writer is {@linkplain #reset reset} or written to again. */
  Text text() {
    return new Text(buf, count);
  }

  @Override
  public String toString() {
    return new String(buf, 0, count);
  }
}
