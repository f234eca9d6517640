package org.fieldguide.template;

import java.util.List;
import java.util.Map;
import org.fieldguide.search.Json;

/**
 * A minimal JSON writer for schema.org JSON-LD inside {@code <script>}: maps, lists, numbers and
 * booleans, with strings written by {@link Json}, so that no {@code </script>}, {@code <!--} or
 * {@code ]]>} can appear in the output.
 */
public final class JsonLd {
  private JsonLd() {}

  /** Serializes maps, lists, strings, numbers and booleans; map order is kept. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      Json.string(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        Json.string(out, String.valueOf(e.getKey()));
        out.append(':');
        append(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
    }
  }
}
