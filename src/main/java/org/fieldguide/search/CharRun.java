package org.fieldguide.search;

import java.util.Arrays;

/**
 * A growable char array that {@link ProseWalker} writes a page's text into and {@link SearchText}
 * reads back, by index. A {@link StringBuilder} took a call, a bounds check and a test of its coder
 * for every char appended and read; under C1, the only compiler a short build gets, that was most
 * of the search text's cost.
 */
final class CharRun {
  char[] chars;
  int length;

  CharRun(int capacity) {
    chars = new char[Math.max(16, capacity)];
  }

  /** Makes room for {@code more} chars after the {@link #length} there are. */
  void ensure(int more) {
    int need = length + more;
    if (need > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(need, chars.length * 2));
    }
  }

  void append(char c) {
    ensure(1);
    chars[length++] = c;
  }

  void append(String s) {
    int n = s.length();
    ensure(n);
    s.getChars(0, n, chars, length);
    length += n;
  }

  /** Whether the last char is {@code c} (false when empty). */
  boolean endsWith(char c) {
    return length > 0 && chars[length - 1] == c;
  }
}
