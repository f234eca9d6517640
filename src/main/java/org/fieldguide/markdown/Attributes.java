package org.fieldguide.markdown;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTML attributes for CommonMark's {@code HtmlWriter}, kept in the order given so that output is
 * byte-identical between runs.
 */
public final class Attributes {
  private Attributes() {}

  /** The attributes {@code name, value, name, value, …}. */
  public static Map<String, String> of(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }
}
