package org.fieldguide.serve;

import java.util.List;
import org.fieldguide.diag.Diagnostic;

/** The small JSON the event stream carries: one line per message, strings escaped. */
final class Json {
  private Json() {}

  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * The status message: {@code {"ok":false,"errors":1,"warnings":0,"diagnostics":[{"location":
   * "content/a.md:3:1","path":…,"line":3,"column":1,"severity":"error","message":…,"text":…}]}}.
   * {@code ok} is true, and the list empty, when the last build succeeded.
   */
  static String status(boolean ok, List<Diagnostic> diagnostics, List<String> texts) {
    long errors = diagnostics.stream().filter(d -> d.severity() == org.fieldguide.diag.Severity.ERROR).count();
    StringBuilder out = new StringBuilder("{\"ok\":").append(ok)
        .append(",\"errors\":").append(errors)
        .append(",\"warnings\":").append(diagnostics.size() - errors)
        .append(",\"diagnostics\":[");
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"location\":").append(string(d.location()))
          .append(",\"path\":").append(string(d.path()))
          .append(",\"line\":").append(d.line())
          .append(",\"column\":").append(d.column())
          .append(",\"severity\":").append(string(d.severity().label()))
          .append(",\"message\":").append(string(d.message()))
          .append(",\"text\":").append(string(texts.get(i)))
          .append('}');
    }
    return out.append("]}").toString();
  }
}
