package org.fieldguide.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The link checker's scheme test without a regular expression, against the expression. */
class SiteLinkCheckerTest {
  @Test
  void theSchemeTestAgreesWithTheRegularExpression() {
    List<String> values = List.of("", "http://x", "https:", "mailto:a@b", "HTTP:X", "a+b.c-d:rest", "1http:x", ":x",
        "-a:x", "a", "a/b:c", "../x:y", "#frag", "x:\n", "x:a\rb", "x:\u0085", "x:\u2028", "x:\u2029", "x:\t",
        "ab:cd:ef", "é:x", "data:text/plain,a b", "a_b:c", "a:b\r\n");
    for (String value : values) {
      assertEquals(SiteLinkChecker.SCHEME.matcher(value).matches(), SiteLinkChecker.hasScheme(value), value);
    }
    String alphabet = "aZ09+.-_:/#?\n\r\u0085\u2028\u2029 é";
    Random random = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String v = value.toString();
      assertEquals(SiteLinkChecker.SCHEME.matcher(v).matches(), SiteLinkChecker.hasScheme(v), v);
    }
  }
}
