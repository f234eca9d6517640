package org.fieldguide.markdown.math;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.markdown.math.MathToken.Kind;

/**
 * Finds the mistakes JLaTeXMath would draw instead of reporting: unbalanced braces, commands and
 * scripts missing their arguments, double scripts, {@code \left} without {@code \right}, {@code
 * \begin} without {@code \end}, {@code \mathbb} on letters it has no glyphs for, and commands that
 * would make the output depend on other formulas or on the theme (definitions, colours, images).
 * JLaTeXMath's own parser then reports unknown commands and environments. A small parser over
 * {@link MathToken}s, so longer than most classes here.
 */
final class MathTexChecker {
  /** Commands whose {@code {…}} argument may hold only capital letters A–Z. */
  private static final Set<String> CAPITALS_ONLY =
      Set.of("mathbb", "Bbb", "mathds", "mathcal", "cal", "mathscr");

  private static final Map<String, String> FORBIDDEN = forbidden();

  /** Tokens that end the argument list of a command or script: an argument cannot start here. */
  private static final Set<String> NOT_AN_ARGUMENT = Set.of("\\\\", "\\right", "\\middle", "\\end");

  private final Map<String, Integer> arity;
  private final Set<String> hasOptions;

  /**
   * @param arity the number of required arguments of each command JLaTeXMath knows, by name
   * @param hasOptions the commands that also take an optional {@code [..]} argument
   */
  MathTexChecker(Map<String, Integer> arity, Set<String> hasOptions) {
    this.arity = Map.copyOf(arity);
    this.hasOptions = Set.copyOf(hasOptions);
  }

  void check(String tex, List<MathToken> tokens) throws MathException {
    if (tokens.stream().allMatch(MathToken::isIgnorable)) {
      throw new MathException(
          "the formula is empty; write TeX between the dollar signs or remove them", 0);
    }
    checkGroups(tex, tokens);
    for (int i = 0; i < tokens.size(); i++) {
      MathToken t = tokens.get(i);
      if (t.is(Kind.COMMAND)) {
        checkCommand(tex, tokens, i);
      } else if (t.is(Kind.SUPERSCRIPT) || t.is(Kind.SUBSCRIPT)) {
        if (argumentStart(tokens, i + 1) < 0) {
          String what = t.is(Kind.SUPERSCRIPT) ? "superscript" : "subscript";
          throw new MathException(
              t.text()
                  + " has no "
                  + what
                  + " after it; write it in braces, like x"
                  + t.text()
                  + "{2}"
                  + (t.is(Kind.SUBSCRIPT) ? ", or write \\_ for an underscore" : ""),
              t.start());
        }
      }
    }
    checkDoubleScripts(tokens);
  }

  /** Braces, {@code \left}/{@code \right} and {@code \begin}/{@code \end} nest properly. */
  private static void checkGroups(String tex, List<MathToken> tokens) throws MathException {
    Deque<MathToken> open = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      MathToken t = tokens.get(i);
      if (t.is(Kind.OPEN_GROUP) || t.isCommand("left")) {
        open.push(t);
      } else if (t.isCommand("begin")) {
        open.push(
            new MathToken(
                Kind.COMMAND, "\\begin{" + environment(tex, tokens, i) + "}", t.start(), t.end()));
      } else if (t.is(Kind.CLOSE_GROUP)) {
        MathToken o = open.poll();
        if (o == null) {
          throw new MathException("unmatched }; remove it or add the { that it closes", t.start());
        }
        if (!o.is(Kind.OPEN_GROUP)) {
          throw new MathException(unclosed(o, " before this }"), o.start());
        }
      } else if (t.isCommand("right")) {
        MathToken o = open.poll();
        if (o == null || o.is(Kind.OPEN_GROUP)) {
          throw new MathException(
              "\\right has no matching \\left in the same braces; add one, like \\left( … \\right)",
              t.start());
        }
        if (!o.isCommand("left")) {
          throw new MathException(unclosed(o, " before this \\right"), o.start());
        }
      } else if (t.isCommand("middle") && (open.isEmpty() || !open.peek().isCommand("left"))) {
        throw new MathException("\\middle can only stand between \\left and \\right", t.start());
      } else if (t.isCommand("end")) {
        String name = environment(tex, tokens, i);
        MathToken o = open.poll();
        if (o == null) {
          throw new MathException(
              "\\end{" + name + "} has no matching \\begin{" + name + "}", t.start());
        }
        if (!o.text().startsWith("\\begin{")) {
          throw new MathException(unclosed(o, " before this \\end{" + name + "}"), o.start());
        }
        if (!o.text().equals("\\begin{" + name + "}")) {
          throw new MathException(
              o.text() + " is closed by \\end{" + name + "}; make the names match", t.start());
        }
      }
    }
    if (!open.isEmpty()) {
      MathToken innermost = open.peek();
      throw new MathException(unclosed(innermost, ""), innermost.start());
    }
  }

  private static String unclosed(MathToken o, String before) {
    if (o.is(Kind.OPEN_GROUP)) {
      return "{ is never closed" + before + "; add the matching }";
    }
    if (o.isCommand("left")) {
      return "\\left has no matching \\right"
          + before
          + "; add one, like \\left( … \\right), or \\right. for an"
          + " invisible one";
    }
    return o.text() + " has no matching \\end" + o.text().substring("\\begin".length()) + before;
  }

  /**
   * The text of the braces after {@code \begin} or {@code \end} at {@code i}, or "" if there are
   * none.
   */
  private static String environment(String tex, List<MathToken> tokens, int i) {
    int j = skipIgnorable(tokens, i + 1);
    if (j >= tokens.size() || !tokens.get(j).is(Kind.OPEN_GROUP)) {
      return "";
    }
    int close = tex.indexOf('}', tokens.get(j).end());
    return close < 0 ? "" : tex.substring(tokens.get(j).end(), close).strip();
  }

  private void checkCommand(String tex, List<MathToken> tokens, int i) throws MathException {
    MathToken t = tokens.get(i);
    String name = t.name();
    if (t.text().equals("\\")) {
      throw new MathException(
          "a lone \\ ends the formula; remove it or finish the command", t.start());
    }
    String why = FORBIDDEN.get(name);
    if (why != null) {
      throw new MathException(t.text() + " is not supported in formulas, " + why, t.start());
    }
    int required = arity.getOrDefault(name, 0);
    if (required == 0) {
      return;
    }
    int j = i + 1;
    if (j < tokens.size() && tokens.get(j).isChar('*')) {
      j++;
    }
    for (int k = 0; k < required; k++) {
      j = skipIgnorable(tokens, j);
      if (hasOptions.contains(name) && j < tokens.size() && tokens.get(j).isChar('[')) {
        j = skipOption(tokens, j, t);
        j = skipIgnorable(tokens, j);
      }
      int arg = argumentStart(tokens, j);
      if (arg < 0) {
        throw new MathException(
            t.text()
                + " needs "
                + (required == 1 ? "an argument" : required + " arguments")
                + " in braces, like "
                + t.text()
                + "{a}"
                + (required > 1 ? "{b}" : "")
                + (k > 0 ? ", but has only " + k : ""),
            t.start());
      }
      if (k == 0 && CAPITALS_ONLY.contains(name)) {
        checkCapitals(tex, tokens, arg, t);
      }
      j = argumentEnd(tokens, arg);
    }
  }

  /** The index of the argument's first token at or after {@code j}, or -1 if there is none. */
  private static int argumentStart(List<MathToken> tokens, int j) {
    j = skipIgnorable(tokens, j);
    if (j >= tokens.size()) {
      return -1;
    }
    MathToken t = tokens.get(j);
    boolean ends =
        t.is(Kind.CLOSE_GROUP)
            || t.is(Kind.ALIGN)
            || t.is(Kind.SUPERSCRIPT)
            || t.is(Kind.SUBSCRIPT)
            || (t.is(Kind.COMMAND) && NOT_AN_ARGUMENT.contains(t.text()));
    return ends ? -1 : j;
  }

  /** The index just past the argument that starts at {@code j}: a whole {…} group or one token. */
  private static int argumentEnd(List<MathToken> tokens, int j) {
    if (!tokens.get(j).is(Kind.OPEN_GROUP)) {
      return j + 1;
    }
    int depth = 0;
    for (int k = j; k < tokens.size(); k++) {
      if (tokens.get(k).is(Kind.OPEN_GROUP)) {
        depth++;
      } else if (tokens.get(k).is(Kind.CLOSE_GROUP) && --depth == 0) {
        return k + 1;
      }
    }
    return tokens.size();
  }

  private static int skipOption(List<MathToken> tokens, int j, MathToken command)
      throws MathException {
    int depth = 0;
    for (int k = j + 1; k < tokens.size(); k++) {
      MathToken t = tokens.get(k);
      if (t.is(Kind.OPEN_GROUP)) {
        depth++;
      } else if (t.is(Kind.CLOSE_GROUP)) {
        depth--;
      } else if (depth == 0 && t.isChar(']')) {
        return k + 1;
      }
      if (depth < 0) {
        break;
      }
    }
    throw new MathException(
        "the optional argument [ of " + command.text() + " is never closed; add the ]",
        tokens.get(j).start());
  }

  private static void checkCapitals(String tex, List<MathToken> tokens, int arg, MathToken command)
      throws MathException {
    MathToken a = tokens.get(arg);
    String letters;
    if (a.is(Kind.OPEN_GROUP)) {
      int end = argumentEnd(tokens, arg);
      letters = tex.substring(a.end(), tokens.get(end - 1).start());
    } else if (a.is(Kind.CHAR)) {
      letters = a.text();
    } else {
      return;
    }
    if (!letters.strip().chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == ' ')) {
      String hint =
          command.isCommand("mathbb") && letters.strip().equals("1")
              ? "; for an indicator function write \\mathbf{1}"
              : "";
      throw new MathException(
          command.text()
              + " has only the capital letters A to Z, so "
              + command.text()
              + "{"
              + letters.strip()
              + "} cannot be drawn"
              + hint,
          command.start());
    }
  }

  /**
   * {@code x^a^b} and {@code x_a_b} are errors in TeX (which script belongs to what?), but
   * JLaTeXMath quietly nests them.
   */
  private static void checkDoubleScripts(List<MathToken> tokens) throws MathException {
    // For each open group: whether the current nucleus already has a superscript / subscript.
    Deque<boolean[]> frames = new ArrayDeque<>();
    boolean[] scripts = new boolean[2];
    boolean scriptArgumentNext = false;
    for (MathToken t : tokens) {
      if (t.isIgnorable()
          || t.isCommand("limits")
          || t.isCommand("nolimits")
          || t.isCommand("displaylimits")) {
        continue;
      }
      if (t.is(Kind.SUPERSCRIPT) || t.is(Kind.SUBSCRIPT)) {
        int which = t.is(Kind.SUPERSCRIPT) ? 0 : 1;
        if (scripts[which]) {
          String what = which == 0 ? "superscript" : "subscript";
          throw new MathException(
              "double "
                  + what
                  + ": say which part "
                  + t.text()
                  + " belongs to with braces, like x"
                  + t.text()
                  + "{a"
                  + t.text()
                  + "b} or {x"
                  + t.text()
                  + "a}"
                  + t.text()
                  + "b",
              t.start());
        }
        scripts[which] = true;
        scriptArgumentNext = true;
        continue;
      }
      if (t.is(Kind.OPEN_GROUP)) {
        // A script's braces keep the nucleus's scripts for after the group; any other group is a
        // new nucleus.
        frames.push(scriptArgumentNext ? scripts : new boolean[2]);
        scripts = new boolean[2];
        scriptArgumentNext = false;
        continue;
      }
      if (t.is(Kind.CLOSE_GROUP)) {
        scripts = frames.isEmpty() ? new boolean[2] : frames.pop();
        continue;
      }
      if (!scriptArgumentNext) {
        scripts = new boolean[2];
      }
      scriptArgumentNext = false;
    }
  }

  private static int skipIgnorable(List<MathToken> tokens, int j) {
    while (j < tokens.size() && tokens.get(j).isIgnorable()) {
      j++;
    }
    return j;
  }

  private static Map<String, String> forbidden() {
    String definition =
        "because a definition would change every formula rendered after it; ask for a site-wide"
            + " macro in MathMacros instead";
    String colour = "because a fixed colour would not follow the light and dark themes; remove it";
    return Map.ofEntries(
        Map.entry("newcommand", definition),
        Map.entry("renewcommand", definition),
        Map.entry("def", definition),
        Map.entry("gdef", definition),
        Map.entry("edef", definition),
        Map.entry("let", definition),
        Map.entry("DeclareMathOperator", definition),
        Map.entry("newenvironment", definition),
        Map.entry("renewenvironment", definition),
        Map.entry("color", colour),
        Map.entry("textcolor", colour),
        Map.entry("colorbox", colour),
        Map.entry("fcolorbox", colour),
        Map.entry("bgcolor", colour),
        Map.entry("fgcolor", colour),
        Map.entry(
            "includegraphics",
            "because it would read a file while building; use a Markdown image instead"));
  }
}
