package org.fieldguide.search;

/**
 * The one JSON string writer of the generator (the search index, the JSON-LD in pages, the
 * preview's status messages): strings escaped so the output is valid JSON, valid JavaScript (U+2028
 * and U+2029 escaped), valid UTF-8 (a lone surrogate escaped) and safe to embed in HTML ({@code <},
 * {@code >} and {@code &} escaped, so {@code </script>}, {@code <!--} and {@code ]]>} can never
 * appear).
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** Appends {@code s} as a quoted JSON string. */
  public static void string(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    int start = 0; // the run of chars since the last escape, appended in one piece
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= ' ' && c < '\u007f' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
          || c > '\u007f'
              && c != '\u2028'
              && c != '\u2029'
              && (!Character.isSurrogate(c) || pairedSurrogate(s, i))) {
        continue; // written as it is
      }
      out.append(s, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default ->
            unicode(
                out,
                c); // < > & U+2028 U+2029 DEL, other controls, and a lone surrogate (no UTF-8 form)
      }
    }
    out.append(s, start, n);
    out.append('"');
  }

  /** Returns {@code s} as a quoted JSON string. */
  public static String string(String s) {
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
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
