package org.fieldguide.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.model.SourceRef;
import org.fieldguide.model.Term;
import org.fieldguide.model.TermKind;
import org.junit.jupiter.api.Test;

class TermMatcherTest {
  private static final Term REWARD = term("reward", "Reward");
  private static final Term REWARD_MODEL = term("reward-model", "Reward model", "RM");
  private static final Term REWARD_HACKING =
      term("reward-hacking", "Reward hacking", "specification gaming");
  private static final Term KL = term("kl-penalty", "KL penalty");
  private static final Term BOX = term("box", "box");
  private static final Term X = term("x", "X");

  private static final TermMatcher MATCHER =
      new TermMatcher(List.of(REWARD, REWARD_MODEL, REWARD_HACKING, KL, BOX, X));

  @Test
  void theLongestNameWins() {
    assertEquals(
        List.of(new TermMatcher.Mention(4, 16, REWARD_MODEL)),
        MATCHER.find("The reward model scores."));
    assertEquals(
        List.of(new TermMatcher.Mention(0, 6, REWARD)), MATCHER.find("Reward, then more."));
  }

  @Test
  void matchingIgnoresCase() {
    assertEquals(
        List.of(new TermMatcher.Mention(0, 12, REWARD_MODEL), new TermMatcher.Mention(17, 27, KL)),
        MATCHER.find("REWARD MODEL and kl PENALTY"));
  }

  @Test
  void aNameMatchesOnlyOnWordBoundaries() {
    assertEquals(
        List.of(),
        MATCHER.find("rewarding rewarded prereward reward-model reward_x reward2 éreward"));
    assertEquals(List.of(new TermMatcher.Mention(1, 7, REWARD)), MATCHER.find("(reward)"));
  }

  @Test
  void aPluralSOrEsEndingBelongsToTheMention() {
    assertEquals(
        List.of(new TermMatcher.Mention(0, 13, REWARD_MODEL), new TermMatcher.Mention(18, 23, BOX)),
        MATCHER.find("reward models and boxes"));
    assertEquals(List.of(new TermMatcher.Mention(0, 3, BOX)), MATCHER.find("box's"));
    assertEquals(List.of(), MATCHER.find("boxess rewardses"));
  }

  @Test
  void aliasesNameTheirTerm() {
    assertEquals(
        List.of(
            new TermMatcher.Mention(4, 7, REWARD_MODEL),
            new TermMatcher.Mention(12, 32, REWARD_HACKING)),
        MATCHER.find("Two RMs and specification gaming."));
  }

  @Test
  void namesShorterThanTwoCharactersAreIgnored() {
    assertEquals(List.of(), MATCHER.find("x marks the spot"));
  }

  @Test
  void theFirstTermToClaimANameKeepsIt() {
    Term other = term("other", "Other", "reward");
    assertEquals(
        List.of(new TermMatcher.Mention(0, 6, REWARD)),
        new TermMatcher(List.of(REWARD, other)).find("reward"));
    assertEquals(
        List.of(new TermMatcher.Mention(0, 6, other)),
        new TermMatcher(List.of(other, REWARD)).find("reward"));
  }

  @Test
  void noTermsFindNothing() {
    assertEquals(List.of(), new TermMatcher(List.of()).find("reward model"));
    assertEquals(List.of(), MATCHER.find(""));
  }

  @Test
  void overlappingNamesAreFoundLeftmostFirst() {
    Term ab = term("ab", "alpha beta");
    Term bc = term("bc", "beta gamma");
    Term c = term("c", "gamma delta epsilon");
    TermMatcher m = new TermMatcher(List.of(ab, bc, c));
    assertEquals(
        List.of(new TermMatcher.Mention(0, 10, ab), new TermMatcher.Mention(11, 30, c)),
        m.find("alpha beta gamma delta epsilon"));
    assertEquals(List.of(new TermMatcher.Mention(7, 17, bc)), m.find("alpha. beta gamma"));
    assertEquals(List.of(), m.find("alpha-beta-gamma"));
  }

  @Test
  void findsWhatTheRegularExpressionItReplacesFinds() {
    Random random = new Random(42);
    String[] alphabet = {
      "a",
      "b",
      "ab",
      "ba",
      "aab",
      "s",
      "es",
      " ",
      " ",
      "-",
      "_",
      "1",
      "é",
      "É",
      "B",
      "A",
      ".",
      "ſ",
      "\uD801\uDC00"
    };
    for (int round = 0; round < 300; round++) {
      List<Term> terms = new ArrayList<>();
      for (int t = 0; t < 1 + random.nextInt(8); t++) {
        List<String> names = new ArrayList<>();
        for (int n = 0; n < 1 + random.nextInt(3); n++) {
          names.add(words(random, alphabet, 1 + random.nextInt(3)));
        }
        terms.add(
            term("t" + t, names.get(0), names.subList(1, names.size()).toArray(String[]::new)));
      }
      TermMatcher matcher = new TermMatcher(terms);
      RegexMatcher oracle = new RegexMatcher(terms);
      for (int text = 0; text < 20; text++) {
        String s = words(random, alphabet, 2 + random.nextInt(30));
        assertEquals(
            oracle.find(s),
            matcher.find(s),
            () -> "terms " + terms.stream().map(Term::names).toList() + ", text '" + s + "'");
      }
    }
  }

  private static String words(Random random, String[] alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return out.toString().strip();
  }

  private static Term term(String slug, String name, String... aliases) {
    return new Term(
        slug,
        name,
        "A test term.",
        TermKind.BEHAVIORAL,
        Arrays.asList(aliases),
        List.of(),
        List.of(),
        new SourceRef("content/glossary/" + slug + ".md", 1, 1));
  }

  /**
   * The regular-expression matcher TermMatcher replaced, kept as the reference for its behaviour.
   */
  private static final class RegexMatcher {
    private final Pattern pattern;
    private final Map<String, Term> byName = new HashMap<>();

    RegexMatcher(List<Term> terms) {
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
}
