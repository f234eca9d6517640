package org.fieldguide.diag;

/**
 * Prints diagnostics as {@code path:line:col: error: message}, and for GitHub Actions as
 * annotations; a build's diagnostics one line per mistake ({@link Folded}).
 */
public final class DiagnosticFormatter {
  private final boolean githubActions;

  public DiagnosticFormatter(boolean githubActions) {
    this.githubActions = githubActions;
  }

  public String format(Diagnostic d) {
    return format(d, d.message());
  }

  /**
   * One printed line for a mistake: its first diagnostic, with what was folded into it after the
   * message.
   */
  public String format(Folded f) {
    return format(f.first(), f.message());
  }

  /** Each line {@link Folded#of} makes of {@code all}, formatted. */
  public java.util.List<String> formatAll(java.util.List<Diagnostic> all) {
    return Folded.of(all).stream().map(this::format).toList();
  }

  private String format(Diagnostic d, String message) {
    String plain = oneLine(d.location() + ": " + d.severity().label() + ": " + message);
    if (!githubActions) {
      return plain;
    }
    StringBuilder annotation = new StringBuilder("::").append(d.severity().label());
    annotation.append(" file=").append(escapeProperty(visible(d.path(), false)));
    if (d.line() > 0) {
      annotation.append(",line=").append(d.line()).append(",col=").append(Math.max(d.column(), 1));
    }
    annotation.append("::").append(escapeData(visible(message, false)));
    return plain + "\n" + annotation;
  }

  /**
   * A diagnostic quotes content (a YAML key may hold a line break), so control characters and line
   * separators are shown as escapes: each diagnostic stays one line, and content cannot start a
   * line of its own, such as a GitHub Actions {@code ::command::}.
   */
  static String oneLine(String s) {
    return visible(s, true);
  }

  /**
   * {@code s} with every character that could hide or disguise text shown as an escape: control
   * characters, and the invisible bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E,
   * U+2066 to U+2069) with which a terminal or a pull-request page shows a path or message in an
   * order other than the one it has (a right-to-left override turns {@code a<U+202E>dm.txt} into
   * what reads as {@code atxt.md}). Line breaks are escaped too unless {@code lineBreaks} is false:
   * annotations encode them their own way.
   */
  private static String visible(String s, boolean lineBreaks) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!lineBreaks && (c == '\n' || c == '\r')) {
        out.append(c);
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
      } else if (hidden(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean hidden(char c) {
    return c < 0x20
        || c == 0x7f
        || c == 0x85
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069';
  }

  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
