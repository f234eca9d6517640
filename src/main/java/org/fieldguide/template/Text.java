package org.fieldguide.template;

import java.nio.charset.StandardCharsets;

/**
 * A rendered page's HTML, for the stages that read a whole page once: the link scanner, the output.
 */
public final class Text {
  private final String text;

  Text(String text) {
    this.text = text;
  }

  /** The text's chars, of which the first {@link #length()} count. */
  public char[] chars() {
    return text.toCharArray();
  }

  public int length() {
    return text.length();
  }

  /** The text in UTF-8: a surrogate without its pair becomes {@code ?}. */
  public byte[] utf8() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text;
  }
}
