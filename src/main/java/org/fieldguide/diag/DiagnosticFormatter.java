package org.fieldguide.diag;

/** Prints diagnostics as {@code path:line:col: error: message}, and for GitHub Actions as annotations. */
public final class DiagnosticFormatter {
  private final boolean githubActions;

  public DiagnosticFormatter(boolean githubActions) {
    this.githubActions = githubActions;
  }

  public String format(Diagnostic d) {
    String plain = oneLine(d.location() + ": " + d.severity().label() + ": " + d.message());
    if (!githubActions) {
      return plain;
    }
    StringBuilder annotation = new StringBuilder("::").append(d.severity().label());
    annotation.append(" file=").append(escapeProperty(d.path()));
    if (d.line() > 0) {
      annotation.append(",line=").append(d.line()).append(",col=").append(Math.max(d.column(), 1));
    }
    annotation.append("::").append(escapeData(d.message()));
    return plain + "\n" + annotation;
  }

  /**
   * A diagnostic quotes content (a YAML key may hold a line break), so control characters and line
   * separators are shown as escapes: each diagnostic stays one line, and content cannot start a
   * line of its own, such as a GitHub Actions {@code ::command::}.
   */
  static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == 0x85 || c == '\u2028' || c == '\u2029') {
        out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
