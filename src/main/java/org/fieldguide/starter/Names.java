package org.fieldguide.starter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code new} makes of its NAME: a file name (slug) and the name readers see. A slug such as
 * {@code reward-shaping} gives the name {@code Reward shaping}; a name such as {@code Reward
 * shaping} (any letters, digits, spaces and a little punctuation) is kept as written and gives the
 * slug {@code reward-shaping}, with accents folded away ({@code Régularisation} gives {@code
 * regularisation}).
 */
record Names(String slug, String name) {
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** What a human name may hold: no path separators, no control characters, no markup. */
  private static final Pattern HUMAN =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} '’,.()&+-]*");

  private static final int MAX_SLUG = 80;

  /**
   * The names for {@code written}; throws {@link IllegalArgumentException} with a message for the
   * user.
   */
  static Names of(String written) {
    String text = written == null ? "" : written.strip().replaceAll("\\s+", " ");
    if (text.matches("[a-z0-9_-]+")) { // written as a file name: it must be a clean one
      if (!SLUG.matcher(text).matches()) {
        throw refused(written);
      }
      String words = text.replace('-', ' ');
      return new Names(text, Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }
    if (!HUMAN.matcher(text).matches() || text.contains("..")) {
      throw refused(written);
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug =
        folded
            .toLowerCase(Locale.ROOT)
            .replace("’", "")
            .replace("'", "")
            .replace("&", " and ")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(
          "NAME '"
              + written
              + "' has no letters a to z or digits to make a file name from;"
              + " give the file name too, such as 'new term my-term', and set the title in the file");
    }
    if (slug.length() > MAX_SLUG) {
      throw new IllegalArgumentException(
          "NAME makes a file name of "
              + slug.length()
              + " characters; shorten it to at most "
              + MAX_SLUG);
    }
    return new Names(slug, text);
  }

  private static IllegalArgumentException refused(String written) {
    return new IllegalArgumentException(
        "NAME must be a name such as \"Reward shaping\" (letters, digits, spaces and"
            + " - ' , . ( ) & +) or a file name such as reward-shaping (lower-case letters, digits and single '-' between"
            + " them), not '"
            + written
            + "'");
  }
}
