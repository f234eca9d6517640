package org.fieldguide.diag;

import java.util.Comparator;

/**
 * One problem found in the input: a project-relative path with {@code /}, a 1-based line and column
 * (0 when unknown), a severity and a message that says what is wrong and what to do.
 *
 * <p>Two optional parts say how it relates to other problems, for {@link Folded}: {@code context}
 * is what the build was doing when the problem showed (such as {@code while rendering
 * content/a.md}: the same template tag fails once for every page), and {@code cause} is the
 * diagnostic it follows from (a flowchart node that cannot be reached because an answer names a
 * node that does not exist): such a follow-on is counted in its cause, not printed.
 */
public record Diagnostic(
    String path,
    int line,
    int column,
    Severity severity,
    String message,
    String context,
    Diagnostic cause)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message)
          .thenComparing(Diagnostic::context, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Diagnostic::cause, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Diagnostic {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    if (message == null || message.isEmpty()) {
      throw new IllegalArgumentException("message must not be empty");
    }
  }

  /** A diagnostic that stands on its own. */
  public Diagnostic(String path, int line, int column, Severity severity, String message) {
    this(path, line, column, severity, message, null, null);
  }

  /** This diagnostic as a follow-on of {@code root}: counted in it, not printed on its own. */
  public Diagnostic causedBy(Diagnostic root) {
    return new Diagnostic(path, line, column, severity, message, context, root);
  }

  /**
   * This diagnostic, found while the build was doing {@code what} ({@code while rendering
   * content/a.md}).
   */
  public Diagnostic during(String what) {
    return new Diagnostic(path, line, column, severity, message, what, cause);
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
