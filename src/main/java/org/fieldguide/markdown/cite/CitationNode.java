package org.fieldguide.markdown.cite;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.CustomNode;

/** {@code [@key]}, {@code [@key, p. 4]} or {@code [@a; @b]}: one or more citations in a bracket. */
public final class CitationNode extends CustomNode {
  /** One key with its optional locator ("p. 4") and, once resolved, its number on the page. */
  public static final class Ref {
    private final String key;
    private final String locator;
    private int number;

    Ref(String key, String locator) {
      this.key = key;
      this.locator = locator;
    }

    public String key() {
      return key;
    }

    public String locator() {
      return locator;
    }

    public int number() {
      return number;
    }

    public void number(int number) {
      this.number = number;
    }
  }

  private final List<Ref> refs;

  public CitationNode(List<Ref> refs) {
    this.refs = List.copyOf(refs);
  }

  public List<Ref> refs() {
    return refs;
  }

  /** Parses the inside of {@code [@…]}; null when it is not a citation. */
  public static CitationNode parse(String inner) {
    List<Ref> refs = new ArrayList<>();
    for (String part : inner.split(";")) {
      String p = part.strip();
      if (!p.startsWith("@") || p.length() < 2) {
        return null;
      }
      int comma = p.indexOf(',');
      String key = (comma < 0 ? p.substring(1) : p.substring(1, comma)).strip();
      String locator = comma < 0 ? null : p.substring(comma + 1).strip();
      if (!key.matches("[A-Za-z0-9][A-Za-z0-9_:.-]*")) {
        return null;
      }
      refs.add(new Ref(key, locator == null || locator.isEmpty() ? null : locator));
    }
    return refs.isEmpty() ? null : new CitationNode(refs);
  }
}
