package org.fieldguide.markdown.math;

import java.util.ArrayList;
import java.util.List;
import org.fieldguide.markdown.math.MathToken.Kind;

/** Splits TeX into tokens the way TeX's eyes do (plain catcodes; letters are a–z and A–Z). */
final class MathTokenizer {
  private MathTokenizer() {}

  static List<MathToken> tokenize(String tex) {
    List<MathToken> tokens = new ArrayList<>();
    int i = 0;
    int n = tex.length();
    while (i < n) {
      char c = tex.charAt(i);
      int start = i;
      Kind kind;
      if (c == '\\') {
        i++;
        if (i < n && isLetter(tex.charAt(i))) {
          while (i < n && isLetter(tex.charAt(i))) {
            i++;
          }
        } else if (i < n) {
          i += Character.charCount(tex.codePointAt(i));
        }
        kind = Kind.COMMAND;
      } else if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(tex.charAt(i))) {
          i++;
        }
        kind = Kind.SPACE;
      } else if (c == '%') {
        while (i < n && tex.charAt(i) != '\n') {
          i++;
        }
        kind = Kind.COMMENT;
      } else {
        i += Character.charCount(tex.codePointAt(i));
        kind =
            switch (c) {
              case '{' -> Kind.OPEN_GROUP;
              case '}' -> Kind.CLOSE_GROUP;
              case '^' -> Kind.SUPERSCRIPT;
              case '_' -> Kind.SUBSCRIPT;
              case '&' -> Kind.ALIGN;
              default -> Kind.CHAR;
            };
      }
      tokens.add(new MathToken(kind, tex.substring(start, i), start, i));
    }
    return tokens;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
