package org.fieldguide.serve;

import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Folded;

/** The small JSON the event stream carries: one line per message, strings written by {@link org.fieldguide.search.Json}. */
final class Json {
  private Json() {}

  static String string(String s) {
    return org.fieldguide.search.Json.string(s);
  }

  /**
   * The status message: {@code {"ok":false,"errors":1,"warnings":0,"diagnostics":[{"location":
   * "content/a.md:3:1","path":…,"line":3,"column":1,"severity":"error","message":…,"text":…}]}},
   * one entry per printed line ({@link Folded}: a message shared by many places, or with follow-ons,
   * is one entry, and the counts are of those entries). {@code ok} is true, and the list empty,
   * when the last build succeeded.
   */
  static String status(boolean ok, List<Folded> lines, List<String> texts) {
    long errors = lines.stream().filter(f -> f.severity() == org.fieldguide.diag.Severity.ERROR).count();
    StringBuilder out = new StringBuilder("{\"ok\":").append(ok)
        .append(",\"errors\":").append(errors)
        .append(",\"warnings\":").append(lines.size() - errors)
        .append(",\"diagnostics\":[");
    for (int i = 0; i < lines.size(); i++) {
      Diagnostic d = lines.get(i).first();
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"location\":").append(string(d.location()))
          .append(",\"path\":").append(string(d.path()))
          .append(",\"line\":").append(d.line())
          .append(",\"column\":").append(d.column())
          .append(",\"severity\":").append(string(d.severity().label()))
          .append(",\"message\":").append(string(lines.get(i).message()))
          .append(",\"text\":").append(string(texts.get(i)))
          .append('}');
    }
    return out.append("]}").toString();
  }
}
