package org.fieldguide.template;

import java.io.Writer;

/**
 * A {@link Writer} into an unsynchronised {@link StringBuilder}. mustache.java writes a page in
 * thousands of small pieces, and each write to a {@link java.io.StringWriter} takes the lock of its
 * {@link StringBuffer}. {@link Templates} sizes it from the template's longest output so far.
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

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
