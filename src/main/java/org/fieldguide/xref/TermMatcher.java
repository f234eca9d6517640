package org.fieldguide.xref;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fieldguide.model.Term;

/**
 * Finds mentions of glossary terms and aliases in prose in one pass over the text, with an
 * Aho-Corasick automaton over every name: longest name first, case-insensitive, on word boundaries,
 * with an optional plural ending ({@code s} or {@code es}).
 *
 * <p>It finds exactly what the regular expression {@code
 * (?<![\p{L}\p{N}_-])(name|name|…)(?:s|es)?(?![\p{L}\p{N}_-])} (names longest first,
 * case-insensitive) finds, but in time proportional to the text rather than to the text times the
 * number of names: a site with 500 terms scanned every text node of every page against 500+
 * alternatives at every position. Case is folded per UTF-16 unit, as {@code
 * toLowerCase(toUpperCase(c))} (so letters outside the BMP match only in the case written).
 * Immutable and thread-safe once built.
 */
public final class TermMatcher {
  /** A mention found in a text: where it is and which term it names. */
  public record Mention(int start, int end, Term term) {}

  /** Each name's term, by the name in lower case. */
  private final Map<String, Term> byName = new HashMap<>();

  /** The length of every name, in the order mentions are preferred: longer first, then by name. */
  private final int[] lengths;

  // The automaton: state 0 is the root. Each state's transitions are sorted by (folded) character.
  private final char[][] keys;
  private final int[][] targets;
  private final int[] fail;

  /** The name (its rank) that ends at a state, or -1. */
  private final int[] name;

  /** The nearest state down the failure chain that ends a name, or -1. */
  private final int[] nextOutput;

  /** Whether a name has a character outside the BMP (see {@link #before}). */
  private final boolean supplementary;

  public TermMatcher(Iterable<Term> terms) {
    List<String> names = new ArrayList<>();
    for (Term term : terms) {
      for (String n : term.names()) {
        String key = n.toLowerCase(Locale.ROOT);
        if (key.length() < 2 || byName.containsKey(key)) {
          continue;
        }
        byName.put(key, term);
        names.add(n);
      }
    }
    supplementary =
        names.stream().anyMatch(n -> n.codePoints().anyMatch(Character::isSupplementaryCodePoint));
    names.sort(
        Comparator.comparingInt(String::length)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    this.lengths = new int[names.size()];
    List<TreeMap<Character, Integer>> trie = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    trie.add(new TreeMap<>());
    ends.add(-1);
    for (int rank = 0; rank < names.size(); rank++) {
      String n = names.get(rank);
      this.lengths[rank] = n.length();
      int state = 0;
      for (int i = 0; i < n.length(); i++) {
        Integer next = trie.get(state).get(fold(n.charAt(i)));
        if (next == null) {
          next = trie.size();
          trie.add(new TreeMap<>());
          ends.add(-1);
          trie.get(state).put(fold(n.charAt(i)), next);
        }
        state = next;
      }
      if (ends.get(state) < 0) { // two names that fold alike: the first in rank order wins
        ends.set(state, rank);
      }
    }
    int size = trie.size();
    keys = new char[size][];
    targets = new int[size][];
    name = new int[size];
    for (int s = 0; s < size; s++) {
      TreeMap<Character, Integer> edges = trie.get(s);
      keys[s] = new char[edges.size()];
      targets[s] = new int[edges.size()];
      int i = 0;
      for (Map.Entry<Character, Integer> e : edges.entrySet()) {
        keys[s][i] = e.getKey();
        targets[s][i++] = e.getValue();
      }
      name[s] = ends.get(s);
    }
    fail = new int[size];
    nextOutput = new int[size];
    nextOutput[0] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : targets[0]) {
      fail[child] = 0;
      nextOutput[child] = -1;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int i = 0; i < keys[s].length; i++) {
        int child = targets[s][i];
        int f = fail[s];
        while (f != 0 && step(f, keys[s][i]) < 0) {
          f = fail[f];
        }
        int via = step(f, keys[s][i]);
        fail[child] = via < 0 || via == child ? 0 : via;
        nextOutput[child] = name[fail[child]] >= 0 ? fail[child] : nextOutput[fail[child]];
        queue.add(child);
      }
    }
  }

  public List<Mention> find(String text) {
    if (lengths.length == 0) {
      return List.of();
    }
    // Pass 1: every name occurrence that starts on a word boundary, as (start, rank) pairs.
    long[] found = new long[8];
    int count = 0;
    int state = 0;
    for (int pos = 0; pos < text.length(); pos++) {
      char c = fold(text.charAt(pos));
      int next;
      while ((next = step(state, c)) < 0 && state != 0) {
        state = fail[state];
      }
      state = Math.max(next, 0);
      for (int s = name[state] >= 0 ? state : nextOutput[state]; s >= 0; s = nextOutput[s]) {
        int rank = name[s];
        int start = pos + 1 - lengths[rank];
        if (start == 0 || !isWordChar(before(text, start))) {
          if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
          }
          found[count++] = ((long) start << 32) | rank;
        }
      }
    }
    if (count == 0) {
      return List.of();
    }
    // Pass 2: leftmost first; at one start, the best-ranked name whose ending is on a boundary.
    Arrays.sort(found, 0, count);
    List<Mention> out = new ArrayList<>();
    int resume = 0;
    for (int i = 0; i < count; i++) {
      int start = (int) (found[i] >>> 32);
      if (start < resume) {
        continue;
      }
      int nameEnd = start + lengths[(int) found[i]];
      int end = end(text, nameEnd);
      if (end >= 0) {
        // The name as written decides the term, as it did when a regular expression found mentions.
        Term term = byName.get(text.substring(start, nameEnd).toLowerCase(Locale.ROOT));
        if (term != null) {
          out.add(new Mention(start, end, term));
        }
        resume = end;
      }
    }
    return out;
  }

  /**
   * Where a mention whose name ends at {@code nameEnd} ends, trying "s", then "es", then nothing;
   * -1 if none is on a boundary.
   */
  private static int end(String text, int nameEnd) {
    if (nameEnd < text.length()
        && fold(text.charAt(nameEnd)) == 's'
        && boundaryAt(text, nameEnd + 1)) {
      return nameEnd + 1;
    }
    if (nameEnd + 1 < text.length()
        && fold(text.charAt(nameEnd)) == 'e'
        && fold(text.charAt(nameEnd + 1)) == 's'
        && boundaryAt(text, nameEnd + 2)) {
      return nameEnd + 2;
    }
    return boundaryAt(text, nameEnd) ? nameEnd : -1;
  }

  /**
   * The character before {@code index}, as the regular expression's look-behind saw it: one UTF-16
   * unit, or a whole code point when a name had a character outside the BMP.
   */
  private int before(String text, int index) {
    return supplementary ? Character.codePointBefore(text, index) : text.charAt(index - 1);
  }

  private static boolean boundaryAt(String text, int index) {
    return index >= text.length() || !isWordChar(text.codePointAt(index));
  }

  /** {@code [\p{L}\p{N}_-]}: letters, numbers, underscore and hyphen continue a word. */
  private static boolean isWordChar(int codePoint) {
    if (codePoint == '_' || codePoint == '-' || Character.isLetter(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static char fold(char c) {
    return c < 128
        ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)
        : Character.toLowerCase(Character.toUpperCase(c));
  }

  /** The state reached from {@code state} on {@code c}, or -1 if there is no edge. */
  private int step(int state, char c) {
    char[] k = keys[state];
    int i = k.length <= 8 ? linear(k, c) : Arrays.binarySearch(k, c);
    return i < 0 ? -1 : targets[state][i];
  }

  private static int linear(char[] k, char c) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
