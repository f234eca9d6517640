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
   * its pair becomes {@code ?}. One pass over the chars into this thread's scratch array (room for
   * the worst case, three bytes a char), then one copy of the bytes written.
   */
  public byte[] utf8() {
    int worst = 3 * length;
    byte[] out = SCRATCH.get();
    if (out.length < worst) {
      out = new byte[Math.max(worst, 2 * out.length)];
      if (out.length <= KEEP_AT_MOST) {
        SCRATCH.set(out);
      }
    }
    int o = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | c >> 6);
        out[o++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(chars[i + 1])) {
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
    return java.util.Arrays.copyOf(out, o);
  }

  /**
   * Each thread's array for {@link #utf8}; one that a very large page needed, above {@link
   * #KEEP_AT_MOST} bytes, is not kept.
   */
  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[96 * 1024]);

  private static final int KEEP_AT_MOST = 4 << 20;

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
