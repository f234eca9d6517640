package org.fieldguide.template;

/**
 * A rendered template's text as the chars the writer filled (not copied), for the stages that read
 * a whole page once: the link scanner reads {@link #chars()} up to {@link #length()}, and the
 * output takes {@link #utf8()}. Nothing may change the array.
 */
public final class Text {
  private final char[] chars;
  private final int length;

  Text(char[] chars, int length) {
    this.chars = chars;
    this.length = length;
  }

  /** The text's chars, of which the first {@link #length()} count. */
  public char[] chars() {
    return chars;
  }

  public int length() {
    return length;
  }

  /**
   * The text in UTF-8, exactly as {@code toString().getBytes(UTF_8)} gives it: a surrogate without
   * its pair becomes {@code ?}. One pass, sized for ASCII first.
   */
  public byte[] utf8() {
    int size = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        size += 1;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
        size += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        size += 1; // '?'
      } else {
        size += 3;
      }
    }
    byte[] out = new byte[size];
    int o = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | c >> 6);
        out[o++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
        int cp = Character.toCodePoint(c, chars[++i]);
        out[o++] = (byte) (0xF0 | cp >> 18);
        out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | cp & 0x3F);
      } else if (Character.isSurrogate(c)) {
        out[o++] = '?';
      } else {
        out[o++] = (byte) (0xE0 | c >> 12);
        out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
