package org.fieldguide.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One printed line of a build's diagnostics, standing for one mistake: its first diagnostic, the
 * other places the same message was found ({@code elsewhere}), the other things the build was doing
 * when it found it at the same place ({@code contexts}, such as every page a template tag failed
 * for), and how many follow-on diagnostics ({@link Diagnostic#cause()}) it caused.
 *
 * <p>As compilers do: one mistake, one line. The follow-ons are counted, not listed; they disappear
 * once their cause is fixed, and what is left shows in the next build.
 */
public record Folded(
    Diagnostic first, List<String> elsewhere, List<String> contexts, int followOns) {
  /** How many other places {@link #suffix} names before it only counts them. */
  static final int PLACES_NAMED = 3;

  public Folded {
    elsewhere = List.copyOf(elsewhere);
    contexts = List.copyOf(contexts);
  }

  /**
   * {@code all} (sorted, as {@link Diagnostics#all} gives them) folded: each follow-on whose cause
   * is among them counted in that cause (in its first cause that is not itself a follow-on), and
   * the diagnostics with the same severity and message made one line, at the first of them.
   */
  public static List<Folded> of(List<Diagnostic> all) {
    Set<Diagnostic> present = new HashSet<>(all);
    Map<Diagnostic, Integer> followOns = new HashMap<>();
    List<Diagnostic> standing = new ArrayList<>();
    for (Diagnostic d : all) {
      Diagnostic root = rootOf(d, present);
      if (root == null) {
        standing.add(d);
      } else {
        followOns.merge(root, 1, Integer::sum);
      }
    }
    Map<String, List<Diagnostic>> bySameMessage = new LinkedHashMap<>();
    for (Diagnostic d : standing) {
      bySameMessage
          .computeIfAbsent(d.severity().label() + ": " + d.message(), k -> new ArrayList<>())
          .add(d);
    }
    List<Folded> out = new ArrayList<>(bySameMessage.size());
    for (List<Diagnostic> same : bySameMessage.values()) {
      Diagnostic first = same.get(0);
      Set<String> elsewhere = new LinkedHashSet<>();
      Set<String> contexts = new LinkedHashSet<>();
      int count = 0;
      for (Diagnostic d : same) {
        if (!d.location().equals(first.location())) {
          elsewhere.add(d.location());
        }
        if (d.context() != null) {
          contexts.add(d.context());
        }
        count += followOns.getOrDefault(d, 0);
      }
      out.add(new Folded(first, new ArrayList<>(elsewhere), new ArrayList<>(contexts), count));
    }
    return out;
  }

  /**
   * The first cause of {@code d} that is present and not itself a follow-on of one that is; null if
   * none is.
   */
  private static Diagnostic rootOf(Diagnostic d, Set<Diagnostic> present) {
    Diagnostic root = null;
    Set<Diagnostic> seen = new HashSet<>();
    for (Diagnostic c = d.cause(); c != null && seen.add(c); c = c.cause()) {
      if (present.contains(c)) {
        root = c;
      }
    }
    return root;
  }

  public Severity severity() {
    return first.severity();
  }

  /**
   * The message with what was folded into it: {@code … [also at content/b.md:3:1] [+2 follow-on
   * errors]}.
   */
  public String message() {
    return first.message() + suffix();
  }

  /**
   * What was folded into the first diagnostic, in brackets after its message; empty if nothing was.
   */
  public String suffix() {
    StringBuilder out = new StringBuilder();
    if (contexts.size() == 1) {
      out.append(" [").append(contexts.get(0)).append(']');
    } else if (contexts.size() > 1) {
      out.append(" [")
          .append(contexts.get(0))
          .append(" and ")
          .append(contexts.size() - 1)
          .append(" other pages]");
    }
    if (!elsewhere.isEmpty()) {
      out.append(" [also at ");
      int named = Math.min(elsewhere.size(), PLACES_NAMED);
      for (int i = 0; i < named; i++) {
        out.append(i == 0 ? "" : i == named - 1 && named == elsewhere.size() ? " and " : ", ")
            .append(elsewhere.get(i));
      }
      if (named < elsewhere.size()) {
        int more = elsewhere.size() - named;
        out.append(" and ").append(more).append(more == 1 ? " more place" : " more places");
      }
      out.append(']');
    }
    if (followOns > 0) {
      out.append(" [+")
          .append(followOns)
          .append(" follow-on ")
          .append(severity().label())
          .append(followOns == 1 ? "" : "s")
          .append(']');
    }
    return out.toString();
  }

  /**
   * The counts a summary line gives for {@code lines}, folded from {@code total} diagnostics:
   * {@code 1 error(s), 0 warning(s)}, then {@code (17 in all)} if lines stand for more than one.
   */
  public static String counts(List<Folded> lines, int total) {
    long errors = lines.stream().filter(f -> f.severity() == Severity.ERROR).count();
    return errors
        + " error(s), "
        + (lines.size() - errors)
        + " warning(s)"
        + (total > lines.size() ? " (" + total + " diagnostics in all, folded)" : "");
  }
}
