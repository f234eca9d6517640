package org.fieldguide.frontmatter;

import java.util.Optional;
import org.fieldguide.diag.Diagnostics;

/** Splits {@code ---}-fenced YAML front matter from a Markdown body. */
public final class FrontMatterSplitter {
  private FrontMatterSplitter() {}

  public static Optional<FrontMatter> split(String path, String text, Diagnostics diagnostics) {
    if (!(text.startsWith("---\n") || text.equals("---"))) {
      diagnostics.error(
          path,
          1,
          1,
          "missing front matter; start the file with a line '---', the YAML keys (title, description), and another '---'");
      return Optional.empty();
    }
    int lineNo = 1;
    int pos = 4;
    while (pos <= text.length()) {
      int end = text.indexOf('\n', pos);
      String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
      lineNo++;
      if (line.equals("---") || line.equals("...")) {
        String yaml = text.substring(4, pos);
        String body = end < 0 ? "" : text.substring(end + 1);
        return Optional.of(new FrontMatter(yaml, 2, body, lineNo + 1));
      }
      if (end < 0) {
        break;
      }
      pos = end + 1;
    }
    diagnostics.error(
        path,
        1,
        1,
        "unterminated front matter: the opening '---' has no closing '---'; add a line '---' after the last key");
    return Optional.empty();
  }
}
