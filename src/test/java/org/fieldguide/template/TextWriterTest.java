package org.fieldguide.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.mustachejava.util.HtmlEscaper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer's own escaping against mustache.java's {@code HtmlEscaper}, which it stands in for,
 * and its text's UTF-8 against {@code String.getBytes}.
 */
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

  @Test
  void itsTextEncodesAsStringGetBytesDoes() {
    // Every kind of char, lone and paired surrogates in every order, at the ends too.
    String alphabet = "a<\u0000\u007f\u0080\u07ff\u0800é·→\uffff\ud800\udbff\udc00\udfff😀";
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      TextWriter writer = new TextWriter(2);
      StringBuilder expected = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        String piece = String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
        if (random.nextBoolean()) {
          writer.write(piece);
        } else {
          writer.write(piece.toCharArray(), 0, 1);
        }
        expected.append(piece);
      }
      String text = expected.toString();
      assertEquals(text, writer.text().toString());
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), writer.text().utf8(), text);
    }
  }

  @Test
  void writesEveryKindOfPieceInOrder() {
    TextWriter writer = new TextWriter(1);
    writer.write('a');
    writer.write("bcd", 1, 2);
    writer.write("xyz".toCharArray(), 2, 1);
    writer.append("AB").append("0123", 1, 3).append('!').append(null);
    writer.appendEscaped("<&>");
    assertEquals("acdzAB12!null&lt;&amp;&gt;", writer.toString());
    assertEquals(writer.toString(), writer.text().toString());
    assertEquals(writer.toString().length(), writer.text().length());
  }
}
