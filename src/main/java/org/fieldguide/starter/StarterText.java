package org.fieldguide.starter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a starter's {@code {{variable}}} places, as Hugo fills an archetype. The text is otherwise
 * copied as it is; a name the starter does not offer is an error naming its line and column.
 */
final class StarterText {
  private static final Pattern PLACE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private StarterText() {}

  /**
   * {@code template} with each place filled from {@code variables}; {@code where} names the
   * template in errors.
   */
  static String fill(String template, Map<String, String> variables, String where) {
    Matcher m = PLACE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
          if (template.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        throw new IllegalStateException(
            where
                + ":"
                + line
                + ":"
                + (m.start() - lineStart + 1)
                + ": unknown starter variable '"
                + m.group(1)
                + "'; use "
                + String.join(
                    ", ",
                    new java.util.TreeSet<>(variables.keySet())
                        .stream().map(v -> "{{" + v + "}}").toList()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
