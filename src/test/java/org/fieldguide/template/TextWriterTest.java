package org.fieldguide.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.mustachejava.util.HtmlEscaper;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer's own escaping against mustache.java's {@code HtmlEscaper}, which it stands in for. */
class TextWriterTest {
  private static void assertEscapedAlike(String value) {
    StringWriter expected = new StringWriter();
    HtmlEscaper.escape(value, expected);
    TextWriter actual = new TextWriter(4);
    actual.write("before ");
    actual.appendEscaped(value);
    assertEquals("before " + expected, actual.toString(), value);
  }

  @Test
  void escapesEveryCharacterAsMustacheDoes() {
    for (char c = 0; c < 300; c++) {
      assertEscapedAlike(String.valueOf(c));
      assertEscapedAlike("a" + c + "b" + c);
    }
    assertEscapedAlike("");
    assertEscapedAlike("Reward model · RLHF → \"quoted\" & <tag> 'single' `back` a=b\r\n\t😀");
  }

  @Test
  void escapesRandomTextAsMustacheDoes() {
    String alphabet = "ab&<>\"'=`\u0000\r\n\u000e é·😀";
    Random random = new Random(7);
    for (int n = 0; n < 10_000; n++) {
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEscapedAlike(value.toString());
    }
  }
}
