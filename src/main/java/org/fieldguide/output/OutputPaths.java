package org.fieldguide.output;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostics;

/**
 * Checks the paths a build is about to write, before anything is written: each must be a plain
 * relative path that stays inside the output folder on every system, no two may name the same file
 * on a file system that ignores case or normalizes Unicode (macOS, Windows), and no file may sit
 * where another path needs a folder.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * Reports every unsafe or colliding path of {@code origins} (site-relative output path → the
   * project-relative file it comes from, which the error names).
   */
  public static void check(Map<String, String> origins, Diagnostics diagnostics) {
    TreeMap<String, String> folded = new TreeMap<>();
    for (Map.Entry<String, String> entry : origins.entrySet()) {
      String path = entry.getKey();
      String problem = unsafe(path);
      if (problem != null) {
        diagnostics.error(
            entry.getValue(),
            0,
            0,
            "the output path '"
                + printable(path)
                + "' "
                + problem
                + "; rename the file it comes from");
        continue;
      }
      String key = fold(path);
      String other = folded.putIfAbsent(key, path);
      if (other != null) {
        diagnostics.error(
            entry.getValue(),
            0,
            0,
            "the output paths '"
                + other
                + "' and '"
                + path
                + "' name the same"
                + " file on systems that ignore case or Unicode normalization (macOS, Windows); rename one of "
                + origins.get(other)
                + " and "
                + entry.getValue());
      }
    }
    for (Map.Entry<String, String> entry : folded.entrySet()) {
      String folder = entry.getKey() + "/";
      String inside = folded.ceilingKey(folder);
      if (inside != null && inside.startsWith(folder)) {
        String file = entry.getValue();
        diagnostics.error(
            origins.get(file),
            0,
            0,
            "the output file '"
                + file
                + "' is also needed as a folder for '"
                + folded.get(inside)
                + "'; rename one of "
                + origins.get(file)
                + " and "
                + origins.get(folded.get(inside)));
      }
    }
  }

  /** Why {@code path} is not a plain relative path inside the output folder, or null. */
  static String unsafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      return "is not a relative file path";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"'
          || c == '<' || c == '>' || c == '|') {
        return "contains a character that is not allowed in file names on every system";
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "has an empty, '.' or '..' part";
      }
    }
    return null;
  }

  /** The path as a case-insensitive, normalizing file system sees it. */
  static String fold(String path) {
    return Normalizer.normalize(path, Normalizer.Form.NFC)
        .toUpperCase(Locale.ROOT)
        .toLowerCase(Locale.ROOT);
  }

  private static String printable(String path) {
    StringBuilder out = new StringBuilder();
    path.codePoints()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
    return out.toString();
  }
}
