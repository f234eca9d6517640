package org.fieldguide.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#string}, which appends runs of plain chars in one piece, against a char-by-char
 * escaper.
 */
class JsonTest {
  /** The escaper as it was before runs: one decision and one append per char. */
  private static String oneByOne(String s) {
    StringBuilder out = new StringBuilder("\"");
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
        case '<', '>', '&', '\u2028', '\u2029', '\u007f' ->
            out.append(String.format("\\u%04x", (int) c));
        default -> {
          boolean paired =
              Character.isHighSurrogate(c)
                  ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                  : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
          if (c < 0x20 || Character.isSurrogate(c) && !paired) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @Test
  void escapesAsTheCharByCharVersionDid() {
    String alphabet =
        "ab \"\\/\n\r\t\b\f\u0000\u001f<>&\u007f\u0080é\u2028\u2029\u00a0\ud83d\ude00\ud83d\ude00";
    Random random = new Random(11);
    for (int round = 0; round < 30_000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertEquals(
          oneByOne(text),
          Json.string(text),
          () -> text.chars().mapToObj(Integer::toHexString).toList().toString());
    }
  }
}
