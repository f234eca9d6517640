package org.fieldguide.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for checking what the build writes: objects, arrays, strings,
 * numbers, literals.
 */
final class StrictJson {
  private final String s;
  private int i;

  private StrictJson(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value with only whitespace around it; throws IllegalArgumentException
   * otherwise.
   */
  static Object parse(String json) {
    StrictJson p = new StrictJson(json);
    Object value = p.value();
    p.ws();
    if (p.i != json.length()) {
      throw p.fail("trailing characters");
    }
    return value;
  }

  /** Every string anywhere in a parsed value (keys and values). */
  static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof String str) {
      out.add(str);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            out.add((String) k);
            collect(v, out);
          });
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, out));
    }
  }

  private Object value() {
    ws();
    if (i >= s.length()) {
      throw fail("unexpected end");
    }
    char c = s.charAt(i);
    if (c == '{') {
      Map<String, Object> map = new LinkedHashMap<>();
      i++;
      ws();
      if (peek('}')) {
        return map;
      }
      do {
        ws();
        String key = string();
        ws();
        expect(':');
        map.put(key, value());
        ws();
      } while (take(','));
      expect('}');
      return map;
    }
    if (c == '[') {
      List<Object> list = new ArrayList<>();
      i++;
      ws();
      if (peek(']')) {
        return list;
      }
      do {
        list.add(value());
        ws();
      } while (take(','));
      expect(']');
      return list;
    }
    if (c == '"') {
      return string();
    }
    for (String literal : new String[] {"true", "false", "null"}) {
      if (s.startsWith(literal, i)) {
        i += literal.length();
        return literal.equals("null") ? null : Boolean.valueOf(literal);
      }
    }
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (start == i) {
      throw fail("unexpected character '" + c + "'");
    }
    return Double.parseDouble(s.substring(start, i));
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw fail("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw fail("raw control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw fail("bad escape \\" + e);
      }
    }
  }

  private void ws() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private boolean peek(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private boolean take(char c) {
    return peek(c);
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw fail("expected '" + c + "'");
    }
  }

  private IllegalArgumentException fail(String what) {
    return new IllegalArgumentException(what + " at offset " + i);
  }
}
