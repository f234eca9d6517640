package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.model.Term;

/**
 * Finds mentions of glossary terms and aliases in prose with one compiled pattern: longest name
 * first, case-insensitive, on word boundaries, with an optional plural ending.
 */
public final class TermMatcher {
  /** A mention found in a text: where it is and which term it names. */
  public record Mention(int start, int end, Term term) {}

  private final Pattern pattern;
  private final Map<String, Term> byName = new HashMap<>();

  public TermMatcher(Iterable<Term> terms) {
    List<String> names = new ArrayList<>();
    for (Term term : terms) {
      for (String name : term.names()) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.length() < 2 || byName.containsKey(key)) {
          continue;
        }
        byName.put(key, term);
        names.add(name);
      }
    }
    names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    if (names.isEmpty()) {
      pattern = null;
      return;
    }
    StringBuilder alternation = new StringBuilder();
    for (String name : names) {
      if (alternation.length() > 0) {
        alternation.append('|');
      }
      alternation.append(Pattern.quote(name));
    }
    pattern = Pattern.compile("(?<![\\p{L}\\p{N}_-])(" + alternation + ")(?:s|es)?(?![\\p{L}\\p{N}_-])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  public List<Mention> find(String text) {
    if (pattern == null) {
      return List.of();
    }
    List<Mention> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      Term term = byName.get(m.group(1).toLowerCase(Locale.ROOT));
      if (term != null) {
        out.add(new Mention(m.start(), m.end(), term));
      }
    }
    return out;
  }
}
