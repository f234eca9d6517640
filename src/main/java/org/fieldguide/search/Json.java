package org.fieldguide.search;

/**
 * The little JSON the index needs: strings escaped so the output is valid JSON, valid JavaScript
 * (U+2028 and U+2029 escaped) and safe to embed in HTML ({@code <}, {@code >} and {@code &} escaped,
 * so {@code </script>} and {@code <!--} can never appear).
 */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** Appends {@code s} as a quoted JSON string. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029', '\u007f' -> unicode(out, c);
        default -> {
          if (c < 0x20) {
            unicode(out, c);
          } else if (Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
            unicode(out, c); // a lone surrogate has no UTF-8 form; keep it as an escape
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Returns {@code s} as a quoted JSON string. */
  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    string(out, s);
    return out.toString();
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }
}
