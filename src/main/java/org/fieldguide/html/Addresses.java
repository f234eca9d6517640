package org.fieldguide.html;

import java.util.regex.Pattern;

/**
 * What the generator asks of an address in a link: the one test for whether it has a URL scheme.
 */
public final class Addresses {
  private Addresses() {}

  /**
   * An address with a scheme ({@code https:}, {@code mailto:}, {@code data:}), which no check of
   * the site's own files looks at.
   */
  static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  /**
   * Whether {@code value} matches {@link #SCHEME} (a scheme, a colon, then anything but a line
   * terminator, since {@code .} matches none), tested without a regular expression: this runs for
   * every link of every page. {@code SiteLinkCheckerTest} compares the two on random addresses.
   */
  public static boolean hasScheme(String value) {
    int n = value.length();
    if (n == 0 || !isAsciiLetter(value.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < n) {
      char c = value.charAt(i);
      if (c == ':') {
        break;
      }
      if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
        return false;
      }
      i++;
    }
    if (i == n) {
      return false;
    }
    for (i++; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
