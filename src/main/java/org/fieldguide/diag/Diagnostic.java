package org.fieldguide.diag;

import java.util.Comparator;

/**
 * One problem found in the input: a project-relative path with {@code /}, a 1-based line and
 * column (0 when unknown), a severity and a message that says what is wrong and what to do.
 */
public record Diagnostic(String path, int line, int column, Severity severity, String message)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    if (message == null || message.isEmpty()) {
      throw new IllegalArgumentException("message must not be empty");
    }
  }

  /** The position in {@code path:line:col} form, leaving out what is unknown. */
  public String location() {
    if (line <= 0) {
      return path;
    }
    return path + ":" + line + ":" + Math.max(column, 1);
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
