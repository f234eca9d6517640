package org.fieldguide.serve;

import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Folded;

/**
 * The small JSON the event stream carries: one line per message, strings written by {@link
 * org.fieldguide.search.Json}.
 */
final class Json {
  private Json() {}

  static String string(String s) {
    return org.fieldguide.search.Json.string(s);
  }

  /**
   * The status message: {@code {"ok":false,"errors":1,"warnings":0,"diagnostics":[{"location":
   * "content/a.md:3:1","path":…,"line":3,"column":1,"severity":"error","message":…,"text":…}]}},
   * one entry per printed line ({@link Folded}: a message shared by many places, or with
   * follow-ons, is one entry, and the counts are of those entries). {@code ok} is true, and the
   * list empty, when the last build succeeded.
   */
  static String status(boolean ok, List<Folded> lines, List<String> texts) {
    return status(ok, lines, texts, lines.stream().map(l -> ErrorContext.Shown.NOTHING).toList());
  }

  /**
   * {@link #status(boolean, List, List)}, with what the panel shows beside each line: {@code
   * "editor"}, a link that opens the file in the author's editor, and {@code "excerpt"}, the lines
   * it points at, each left out when there is none.
   */
  static String status(
      boolean ok, List<Folded> lines, List<String> texts, List<ErrorContext.Shown> shown) {
    long errors =
        lines.stream().filter(f -> f.severity() == org.fieldguide.diag.Severity.ERROR).count();
    StringBuilder out =
        new StringBuilder("{\"ok\":")
            .append(ok)
            .append(",\"errors\":")
            .append(errors)
            .append(",\"warnings\":")
            .append(lines.size() - errors)
            .append(",\"diagnostics\":[");
    for (int i = 0; i < lines.size(); i++) {
      Diagnostic d = lines.get(i).first();
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"location\":")
          .append(string(d.location()))
          .append(",\"path\":")
          .append(string(d.path()))
          .append(",\"line\":")
          .append(d.line())
          .append(",\"column\":")
          .append(d.column())
          .append(",\"severity\":")
          .append(string(d.severity().label()))
          .append(",\"message\":")
          .append(string(lines.get(i).message()))
          .append(",\"text\":")
          .append(string(texts.get(i)));
      ErrorContext.Shown extra = shown.get(i);
      if (extra.editorUrl() != null) {
        out.append(",\"editor\":").append(string(extra.editorUrl()));
      }
      if (!extra.excerpt().isEmpty()) {
        out.append(",\"excerpt\":[");
        for (int j = 0; j < extra.excerpt().size(); j++) {
          out.append(j > 0 ? "," : "").append(string(extra.excerpt().get(j)));
        }
        out.append(']');
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }
}
