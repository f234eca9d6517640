package org.fieldguide.starter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;

/**
 * Placeholder text that {@code new} wrote and the author has not replaced yet: any line of a page
 * that is a sentence of a built-in starter (with any name in its places), and a description or
 * short definition that is still the starter's. Reported as warnings ({@code --strict}: errors).
 */
public final class Placeholders {
  private static final List<Pattern> LINES = lines();

  private Placeholders() {}

  private static List<Pattern> lines() {
    List<Pattern> out = new ArrayList<>();
    Map<String, String> any =
        Map.of("title", "\u0000", "name", "\u0000", "words", "\u0000", "slug", "\u0000");
    for (Starter.Kind kind : Starter.Kind.values()) {
      String text = StarterText.fill(Starter.builtIn(kind), any, "the built-in starter");
      for (String line : text.split("\n")) {
        String prose = line.strip().replaceFirst("^(description|short): ", "");
        if (prose.length() >= 30 && prose.contains(" ")) {
          out.add(Pattern.compile(Pattern.quote(prose).replace("\u0000", "\\E.+?\\Q")));
        }
      }
    }
    return List.copyOf(out);
  }

  /** Whether {@code text} (one line, stripped) is a starter's placeholder. */
  static boolean matches(String text) {
    return text != null && LINES.stream().anyMatch(p -> p.matcher(text).matches());
  }

  /**
   * Warns at each placeholder line of {@code markdown}, the body of {@code page}, and at a
   * placeholder description.
   */
  public static void check(Page page, String markdown, Diagnostics diagnostics) {
    if (matches(page.description())) {
      diagnostics.warning(
          page.sourcePath(),
          1,
          1,
          "the "
              + (page.term() != null ? "short definition" : "description")
              + " is still the starter's placeholder; replace it with your own sentence");
    }
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.length() >= 30 && matches(line)) {
        diagnostics.warning(
            page.sourcePath(),
            page.bodyFirstLine() + i,
            lines[i].indexOf(line) + 1,
            "this is placeholder text from the starter; replace it with your own words");
      }
    }
  }
}
