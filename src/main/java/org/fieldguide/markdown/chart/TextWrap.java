package org.fieldguide.markdown.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-wraps box and label text and estimates its size with a fixed width per character, so that
 * layout never depends on the fonts of the machine that builds the site.
 */
final class TextWrap {
  /** Box text: 13 px, about 7.2 px per character, 17 px per line. */
  static final double BOX_FONT = 13;

  static final double BOX_CHAR = 7.2;
  static final double BOX_LINE = 17;

  /** Edge and group labels: 12 px, about 6.7 px per character, 15 px per line. */
  static final double LABEL_FONT = 12;

  static final double LABEL_CHAR = 6.7;
  static final double LABEL_LINE = 15;

  /** Group labels are 12 px bold: about 7.4 px per character. */
  static final double GROUP_CHAR = 7.4;

  private TextWrap() {}

  /**
   * Splits {@code text} at spaces into lines of at most {@code width} characters; a longer word
   * gets a line of its own. Runs of white space count as one space; a formula ({@code $…$}) is one
   * word.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : LabelMath.words(text.strip())) {
      if (line.length() > 0 && length(line) + 1 + length(word) > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return List.copyOf(lines);
  }

  /** The estimated width in px of the longest line, at {@code perChar} px per character. */
  static double width(List<String> lines, double perChar) {
    int longest = 0;
    for (String line : lines) {
      longest = Math.max(longest, length(line));
    }
    return longest * perChar;
  }

  /**
   * Characters as a reader counts them (code points, not UTF-16 units; a formula as the characters
   * it shows).
   */
  static int length(CharSequence s) {
    String text = s.toString();
    if (LabelMath.has(text)) {
      text = LabelMath.plain(text, false);
    }
    return Character.codePointCount(text, 0, text.length());
  }
}
