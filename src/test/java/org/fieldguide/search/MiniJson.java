package org.fieldguide.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict JSON parser (RFC 8259) for the tests: objects, arrays, strings, numbers, literals. */
final class MiniJson {
  private final String s;
  private int i;

  private MiniJson(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value with nothing but whitespace around it, or throws
   * IllegalArgumentException.
   */
  static Object parse(String json) {
    MiniJson p = new MiniJson(json);
    p.ws();
    Object v = p.value();
    p.ws();
    if (p.i != json.length()) {
      throw p.fail("trailing characters");
    }
    return v;
  }

  private Object value() {
    if (i >= s.length()) {
      throw fail("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw fail("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> out = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return out;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw fail("expected a key");
      }
      String key = string();
      ws();
      expect(':');
      ws();
      if (out.containsKey(key)) {
        throw fail("duplicate key " + key);
      }
      out.put(key, value());
      ws();
      char c = next();
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw fail("expected , or }");
      }
    }
  }

  private List<Object> array() {
    List<Object> out = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return out;
    }
    while (true) {
      ws();
      out.add(value());
      ws();
      char c = next();
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw fail("expected , or ]");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
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
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw fail("short \\u escape");
          }
          out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw fail("bad escape \\" + e);
      }
    }
  }

  private Number number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    if (peek() == '0') {
      i++;
    } else if (Character.isDigit(peek())) {
      while (Character.isDigit(peek())) {
        i++;
      }
    } else {
      throw fail("bad number");
    }
    boolean real = false;
    if (peek() == '.') {
      real = true;
      i++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      real = true;
      i++;
      if (peek() == '+' || peek() == '-') {
        i++;
      }
      digits();
    }
    String n = s.substring(start, i);
    return real ? (Number) Double.valueOf(n) : (Number) Long.valueOf(n);
  }

  private void digits() {
    if (!Character.isDigit(peek())) {
      throw fail("expected a digit");
    }
    while (Character.isDigit(peek())) {
      i++;
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw fail("expected " + word);
    }
    i += word.length();
    return v;
  }

  private void ws() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private char next() {
    if (i >= s.length()) {
      throw fail("unexpected end");
    }
    return s.charAt(i++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw fail("expected '" + c + "'");
    }
  }

  private IllegalArgumentException fail(String why) {
    return new IllegalArgumentException(why + " at " + i);
  }
}
