package org.fieldguide.diag;

/** Prints diagnostics as {@code path:line:col: error: message}, and for GitHub Actions as annotations. */
public final class DiagnosticFormatter {
  private final boolean githubActions;

  public DiagnosticFormatter(boolean githubActions) {
    this.githubActions = githubActions;
  }

  public String format(Diagnostic d) {
    String plain = d.location() + ": " + d.severity().label() + ": " + d.message();
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

  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
