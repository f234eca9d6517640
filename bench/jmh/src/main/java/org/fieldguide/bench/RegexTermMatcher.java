package org.fieldguide.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.model.Term;
import org.fieldguide.xref.TermMatcher;

/** The regular-expression term matcher that TermMatcher replaced, kept to measure the change. */
final class RegexTermMatcher {
  private final Pattern pattern;
  private final Map<String, Term> byName = new HashMap<>();

  RegexTermMatcher(Iterable<Term> terms) {
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
    names.sort(
        Comparator.comparingInt(String::length)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    StringBuilder alternation = new StringBuilder();
    for (String name : names) {
      alternation.append(alternation.length() > 0 ? "|" : "").append(Pattern.quote(name));
    }
    pattern =
        names.isEmpty()
            ? null
            : Pattern.compile(
                "(?<![\\p{L}\\p{N}_-])(" + alternation + ")(?:s|es)?(?![\\p{L}\\p{N}_-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  List<TermMatcher.Mention> find(String text) {
    List<TermMatcher.Mention> out = new ArrayList<>();
    if (pattern == null) {
      return out;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      Term term = byName.get(m.group(1).toLowerCase(Locale.ROOT));
      if (term != null) {
        out.add(new TermMatcher.Mention(m.start(), m.end(), term));
      }
    }
    return out;
  }
}
