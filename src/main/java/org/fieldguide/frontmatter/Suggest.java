package org.fieldguide.frontmatter;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  public static Optional<String> closest(String input, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String needle = input.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance
          || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    int limit = Math.max(2, needle.length() / 3);
    if (bestDistance <= limit) {
      return Optional.ofNullable(best);
    }
    // A typo at the end ("rlhf-typo") is still close to the name it extends.
    String longestPrefix = null;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      if (c.length() >= 3
          && needle.startsWith(c)
          && (longestPrefix == null || c.length() > longestPrefix.length())) {
        longestPrefix = candidate;
      }
    }
    return Optional.ofNullable(longestPrefix);
  }

  /**
   * The Levenshtein distance between {@code a} and {@code b} (the generator's one edit distance),
   * or a large number when their lengths differ by more than 8, which no suggestion is that far.
   */
  public static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 8) {
      return Integer.MAX_VALUE / 2;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
