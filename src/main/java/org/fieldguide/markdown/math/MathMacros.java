package org.fieldguide.markdown.math;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fieldguide.markdown.math.MathToken.Kind;
import org.scilab.forge.jlatexmath.MacroInfo;
import org.scilab.forge.jlatexmath.NewCommandMacro;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.SymbolAtom;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * What the site adds to JLaTeXMath 1.0.7's commands, and the one repair it makes:
 *
 * <ul>
 *   <li>Macros for common amsmath/mathtools/bm commands JLaTeXMath lacks: {@code \bm},
 *       {@code \textup}, {@code \enspace}, {@code \coloneqq}, {@code \eqqcolon}, and the
 *       operators {@code \argmax} and {@code \argmin} (not standard LaTeX, but in most ML papers'
 *       preambles; GitHub's own Markdown preview does not know them), with limits below in display
 *       style and beside in text style, as amsmath's {@code \operatorname*} does.
 *   <li>Rewrites: {@code \operatorname*{X}} becomes {@code \mathop{\mathrm{X}}}, because
 *       JLaTeXMath would draw the star; {@code \begin{cases}…\end{cases}} becomes
 *       {@code \left\{\begin{array}{ll}…\end{array}\right.}, because JLaTeXMath's cases puts no
 *       space between the value and its condition; {@code \lvert}/{@code \rvert} become {@code \vert}; {@code \bigm},
 *       {@code \Bigm}, {@code \biggm}, {@code \Biggm} become {@code \mathrel{\big…}}; and
 *       {@code \big} (also {@code \bigl}, {@code \bigr}, {@code \bigm}) before a vertical bar or
 *       vertical arrow becomes {@code \left|\vphantom{\big(}\right.}, which is what plain TeX's
 *       {@code \big} does, because JLaTeXMath draws {@code \big|} and {@code \big\|} smaller than
 *       a plain {@code |}.
 * </ul>
 */
final class MathMacros {
  private MathMacros() {}

  private record Macro(String body, int arguments) {}

  private static final Map<String, Macro> DEFINITIONS =
      new TreeMap<>(
          Map.of(
              "bm", new Macro("\\boldsymbol{#1}", 1),
              "textup", new Macro("\\textrm{#1}", 1),
              "enspace", new Macro("\\hspace{0.5em}", 0),
              "coloneqq", new Macro("\\mathrel{:=}", 0),
              "eqqcolon", new Macro("\\mathrel{=:}", 0),
              "argmax", new Macro("\\mathop{\\mathrm{arg\\,max}}", 0),
              "argmin", new Macro("\\mathop{\\mathrm{arg\\,min}}", 0)));

  private static final Set<String> BARS =
      Set.of(
          "|",
          "\\|",
          "\\vert",
          "\\Vert",
          "\\lvert",
          "\\rvert",
          "\\lVert",
          "\\rVert",
          "\\uparrow",
          "\\downarrow",
          "\\updownarrow",
          "\\Uparrow",
          "\\Downarrow",
          "\\Updownarrow");

  /** JLaTeXMath's cases environment leaves no space between its columns. */
  private static final String CASES_BEGIN = "\\left\\{\\begin{array}{ll}";

  private static final String CASES_END = "\\end{array}\\right.";

  private static final Map<String, String> ALIASES =
      Map.of("\\lvert", "\\vert", "\\rvert", "\\vert");

  /** Adds the macros to JLaTeXMath's global tables; call once, holding the JLaTeXMath lock. */
  static void register() {
    for (Map.Entry<String, Macro> d : DEFINITIONS.entrySet()) {
      try {
        NewCommandMacro.addNewCommand(d.getKey(), d.getValue().body(), d.getValue().arguments());
      } catch (ParseException e) {
        throw new IllegalStateException("cannot define \\" + d.getKey() + " for JLaTeXMath", e);
      }
    }
  }

  /**
   * The number of required arguments of every command JLaTeXMath knows, after {@link #register()}.
   */
  static Map<String, Integer> arities() {
    Map<String, Integer> arity = new HashMap<>();
    MacroInfo.Commands.forEach((name, info) -> arity.put(name, info.nbArgs));
    return arity;
  }

  /** The commands that also take an optional {@code [..]} argument. */
  static Set<String> withOptions() {
    Set<String> names = new HashSet<>();
    MacroInfo.Commands.forEach(
        (name, info) -> {
          if (info.hasOptions) {
            names.add(name);
          }
        });
    return names;
  }

  /** Every command and symbol name JLaTeXMath knows, for "did you mean" suggestions. */
  static Set<String> knownNames() {
    Set<String> names = new HashSet<>(MacroInfo.Commands.keySet());
    names.addAll(SymbolAtom.symbols.keySet());
    names.addAll(TeXFormula.predefinedTeXFormulasAsString.keySet());
    names.addAll(List.of("left", "right", "begin", "end"));
    names.removeIf(name -> !name.matches("[A-Za-z]+"));
    return names;
  }

  /** The TeX with the rewrites above applied; {@code tokens} are the tokens of {@code tex}. */
  static String rewrite(String tex, List<MathToken> tokens) {
    StringBuilder out = new StringBuilder(tex.length() + 32);
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      MathToken t = tokens.get(i);
      if (!t.is(Kind.COMMAND)) {
        continue;
      }
      String size = bigSize(t.name());
      int d = next(tokens, i + 1);
      if (size != null && d < tokens.size() && isDelimiter(tokens.get(d))) {
        String suffix = t.name().substring(size.length());
        boolean bar = size.equals("big") && BARS.contains(tokens.get(d).text());
        if (suffix.equals("m") || bar) {
          String delimiter = ALIASES.getOrDefault(tokens.get(d).text(), tokens.get(d).text());
          String body =
              bar ? "\\left" + delimiter + "\\vphantom{\\big(}\\right." : "\\" + size + delimiter;
          String atomClass =
              switch (suffix) {
                case "l" -> "\\mathopen";
                case "r" -> "\\mathclose";
                case "m" -> "\\mathrel";
                default -> "";
              };
          out.append(tex, copied, t.start()).append(atomClass).append('{').append(body).append('}');
          copied = tokens.get(d).end();
          i = d;
        }
      } else if (t.isCommand("operatorname") && d < tokens.size() && tokens.get(d).isChar('*')) {
        int arg = next(tokens, d + 1); // MathTexChecker made sure that there is an argument
        int end = groupEnd(tokens, arg);
        String operator = tex.substring(tokens.get(arg).start(), tokens.get(end - 1).end());
        if (!tokens.get(arg).is(Kind.OPEN_GROUP)) {
          operator = "{" + operator + "}";
        }
        out.append(tex, copied, t.start()).append("\\mathop{\\mathrm").append(operator).append('}');
        copied = tokens.get(end - 1).end();
        i = end - 1;
      } else if ((t.isCommand("begin") || t.isCommand("end"))
          && d < tokens.size()
          && tokens.get(d).is(Kind.OPEN_GROUP)) {
        int end = groupEnd(tokens, d);
        if (tex.substring(tokens.get(d).end(), tokens.get(end - 1).start())
            .strip()
            .equals("cases")) {
          out.append(tex, copied, t.start()).append(t.isCommand("begin") ? CASES_BEGIN : CASES_END);
          copied = tokens.get(end - 1).end();
          i = end - 1;
        }
      } else if (ALIASES.containsKey(t.text())) {
        out.append(tex, copied, t.start()).append(ALIASES.get(t.text()));
        copied = t.end();
      }
    }
    return out.append(tex, copied, tex.length()).toString();
  }

  /** "big", "Big", "bigg" or "Bigg" for {@code \big}, {@code \bigl}, {@code \Biggm}…, else null. */
  private static String bigSize(String name) {
    for (String size : List.of("Bigg", "bigg", "Big", "big")) {
      if (name.startsWith(size)
          && List.of("", "l", "r", "m").contains(name.substring(size.length()))) {
        return size;
      }
    }
    return null;
  }

  private static boolean isDelimiter(MathToken t) {
    return t.is(Kind.CHAR) || (t.is(Kind.COMMAND) && !t.isCommand("left") && !t.isCommand("right"));
  }

  /** The index just past the {…} group (or single token) that starts at {@code j}. */
  private static int groupEnd(List<MathToken> tokens, int j) {
    int depth = 0;
    for (int k = j; k < tokens.size(); k++) {
      if (tokens.get(k).is(Kind.OPEN_GROUP)) {
        depth++;
      } else if (tokens.get(k).is(Kind.CLOSE_GROUP)) {
        depth--;
      }
      if (depth == 0) {
        return k + 1;
      }
    }
    return tokens.size();
  }

  private static int next(List<MathToken> tokens, int j) {
    while (j < tokens.size() && tokens.get(j).isIgnorable()) {
      j++;
    }
    return j;
  }
}
