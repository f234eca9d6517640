package org.fieldguide.markdown.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.markdown.math.MathToken.Kind;

/**
 * Presentation MathML for a formula that {@link MathTexChecker} accepted, written next to its SVG
 * for assistive technology: the SVG is what a reader sees, the MathML what a screen reader reads
 * (and lets its reader step through: numerator, denominator, script). It stands for what the
 * formula says, not how it looks, so spacing, sizes and phantoms are left out.
 *
 * <p>Covers the TeX that {@link MathRenderer} lists as supported: letters are {@code <mi>}, numbers
 * {@code <mn>}, operators and delimiters {@code <mo>}; Greek and symbol commands become their
 * Unicode characters; {@code \mathbb}, {@code \mathcal} and {@code \mathbf} letters become the
 * Unicode mathematical letters (so a screen reader says "double-struck E"); fractions, binomials,
 * roots, scripts (under and over for large operators in display style), accents, {@code
 * \left…\right}, {@code \text}, {@code \operatorname} and the matrix-like environments have their
 * MathML elements. A command it does not know is written as its name, which a screen reader speaks,
 * rather than dropped.
 */
final class MathMl {
  /** Commands that only change spacing, size or style: nothing to say. */
  private static final Set<String> SILENT =
      Set.of(
          ",",
          ":",
          ";",
          "!",
          " ",
          "quad",
          "qquad",
          "enspace",
          "thinspace",
          "medspace",
          "thickspace",
          "negthinspace",
          "displaystyle",
          "textstyle",
          "scriptstyle",
          "scriptscriptstyle",
          "limits",
          "nolimits",
          "displaylimits",
          "big",
          "Big",
          "bigg",
          "Bigg",
          "bigl",
          "Bigl",
          "biggl",
          "Biggl",
          "bigr",
          "Bigr",
          "biggr",
          "Biggr",
          "bigm",
          "Bigm",
          "biggm",
          "Biggm",
          "left",
          "right",
          "middle",
          "nonumber",
          "notag",
          "allowbreak",
          "relax",
          "strut",
          "mathstrut");

  /** Commands whose one argument is not spoken (invisible boxes, space of a given width). */
  private static final Set<String> SILENT_WITH_ARGUMENT =
      Set.of(
          "phantom", "vphantom", "hphantom", "hspace", "vspace", "kern", "mkern", "hskip", "mskip");

  /**
   * Commands whose one argument is spoken as it is: classes and boxes that change only the look.
   */
  private static final Set<String> TRANSPARENT =
      Set.of(
          "mathop",
          "mathrel",
          "mathbin",
          "mathord",
          "mathopen",
          "mathclose",
          "mathpunct",
          "mathinner",
          "boxed",
          "fbox",
          "smash",
          "mathit",
          "mathsf",
          "mathtt",
          "boldsymbol",
          "bm",
          "mathfrak",
          "mathscr",
          "mathnormal");

  /** Commands written as text: their argument is read as words. */
  private static final Set<String> TEXT =
      Set.of(
          "text",
          "textrm",
          "textup",
          "textit",
          "textbf",
          "textsf",
          "texttt",
          "mbox",
          "textnormal",
          "emph");

  /** Function names, written upright as one identifier. */
  private static final Set<String> FUNCTIONS =
      Set.of(
          "log", "ln", "lg", "exp", "max", "min", "arg", "sup", "inf", "lim", "liminf", "limsup",
          "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos",
          "arctan", "det", "dim", "ker", "deg", "gcd", "hom", "Pr", "mod", "bmod", "tr");

  /** Operators whose scripts go under and over them in display style. */
  private static final Set<String> LIMITS =
      Set.of(
          "∑", "∏", "∐", "⋃", "⋂", "⨁", "⨂", "lim", "max", "min", "sup", "inf", "arg max",
          "arg min", "liminf", "limsup", "det", "gcd", "Pr");

  private static final Map<String, String> IDENTIFIERS =
      Map.ofEntries(
          Map.entry("alpha", "α"),
          Map.entry("beta", "β"),
          Map.entry("gamma", "γ"),
          Map.entry("delta", "δ"),
          Map.entry("epsilon", "ϵ"),
          Map.entry("varepsilon", "ε"),
          Map.entry("zeta", "ζ"),
          Map.entry("eta", "η"),
          Map.entry("theta", "θ"),
          Map.entry("vartheta", "ϑ"),
          Map.entry("iota", "ι"),
          Map.entry("kappa", "κ"),
          Map.entry("lambda", "λ"),
          Map.entry("mu", "μ"),
          Map.entry("nu", "ν"),
          Map.entry("xi", "ξ"),
          Map.entry("pi", "π"),
          Map.entry("varpi", "ϖ"),
          Map.entry("rho", "ρ"),
          Map.entry("varrho", "ϱ"),
          Map.entry("sigma", "σ"),
          Map.entry("varsigma", "ς"),
          Map.entry("tau", "τ"),
          Map.entry("upsilon", "υ"),
          Map.entry("phi", "ϕ"),
          Map.entry("varphi", "φ"),
          Map.entry("chi", "χ"),
          Map.entry("psi", "ψ"),
          Map.entry("omega", "ω"),
          Map.entry("Gamma", "Γ"),
          Map.entry("Delta", "Δ"),
          Map.entry("Theta", "Θ"),
          Map.entry("Lambda", "Λ"),
          Map.entry("Xi", "Ξ"),
          Map.entry("Pi", "Π"),
          Map.entry("Sigma", "Σ"),
          Map.entry("Upsilon", "Υ"),
          Map.entry("Phi", "Φ"),
          Map.entry("Psi", "Ψ"),
          Map.entry("Omega", "Ω"),
          Map.entry("ell", "ℓ"),
          Map.entry("infty", "∞"),
          Map.entry("nabla", "∇"),
          Map.entry("partial", "∂"),
          Map.entry("emptyset", "∅"),
          Map.entry("varnothing", "∅"),
          Map.entry("hbar", "ℏ"),
          Map.entry("imath", "ı"),
          Map.entry("jmath", "ȷ"),
          Map.entry("aleph", "ℵ"),
          Map.entry("top", "⊤"),
          Map.entry("bot", "⊥"),
          Map.entry("Re", "ℜ"),
          Map.entry("Im", "ℑ"),
          Map.entry("wp", "℘"),
          Map.entry("%", "%"),
          Map.entry("$", "$"),
          Map.entry("#", "#"),
          Map.entry("&", "&"),
          Map.entry("_", "_"));

  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("mid", "∣"),
          Map.entry("cdot", "⋅"),
          Map.entry("cdots", "⋯"),
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("dotsc", "…"),
          Map.entry("dotsb", "⋯"),
          Map.entry("vdots", "⋮"),
          Map.entry("ddots", "⋱"),
          Map.entry("times", "×"),
          Map.entry("div", "÷"),
          Map.entry("pm", "±"),
          Map.entry("mp", "∓"),
          Map.entry("ast", "∗"),
          Map.entry("star", "⋆"),
          Map.entry("circ", "∘"),
          Map.entry("bullet", "∙"),
          Map.entry("oplus", "⊕"),
          Map.entry("otimes", "⊗"),
          Map.entry("odot", "⊙"),
          Map.entry("wedge", "∧"),
          Map.entry("land", "∧"),
          Map.entry("vee", "∨"),
          Map.entry("lor", "∨"),
          Map.entry("neg", "¬"),
          Map.entry("lnot", "¬"),
          Map.entry("cap", "∩"),
          Map.entry("cup", "∪"),
          Map.entry("setminus", "∖"),
          Map.entry("approx", "≈"),
          Map.entry("sim", "∼"),
          Map.entry("simeq", "≃"),
          Map.entry("cong", "≅"),
          Map.entry("equiv", "≡"),
          Map.entry("propto", "∝"),
          Map.entry("neq", "≠"),
          Map.entry("ne", "≠"),
          Map.entry("leq", "≤"),
          Map.entry("le", "≤"),
          Map.entry("geq", "≥"),
          Map.entry("ge", "≥"),
          Map.entry("leqslant", "⩽"),
          Map.entry("geqslant", "⩾"),
          Map.entry("ll", "≪"),
          Map.entry("gg", "≫"),
          Map.entry("prec", "≺"),
          Map.entry("succ", "≻"),
          Map.entry("preceq", "⪯"),
          Map.entry("succeq", "⪰"),
          Map.entry("in", "∈"),
          Map.entry("notin", "∉"),
          Map.entry("ni", "∋"),
          Map.entry("subset", "⊂"),
          Map.entry("supset", "⊃"),
          Map.entry("subseteq", "⊆"),
          Map.entry("supseteq", "⊇"),
          Map.entry("perp", "⊥"),
          Map.entry("parallel", "∥"),
          Map.entry("to", "→"),
          Map.entry("rightarrow", "→"),
          Map.entry("leftarrow", "←"),
          Map.entry("gets", "←"),
          Map.entry("leftrightarrow", "↔"),
          Map.entry("Rightarrow", "⇒"),
          Map.entry("Leftarrow", "⇐"),
          Map.entry("Leftrightarrow", "⇔"),
          Map.entry("implies", "⟹"),
          Map.entry("iff", "⟺"),
          Map.entry("mapsto", "↦"),
          Map.entry("longrightarrow", "⟶"),
          Map.entry("longmapsto", "⟼"),
          Map.entry("uparrow", "↑"),
          Map.entry("downarrow", "↓"),
          Map.entry("forall", "∀"),
          Map.entry("exists", "∃"),
          Map.entry("nexists", "∄"),
          Map.entry("sum", "∑"),
          Map.entry("prod", "∏"),
          Map.entry("coprod", "∐"),
          Map.entry("int", "∫"),
          Map.entry("iint", "∬"),
          Map.entry("oint", "∮"),
          Map.entry("bigcup", "⋃"),
          Map.entry("bigcap", "⋂"),
          Map.entry("bigoplus", "⨁"),
          Map.entry("bigotimes", "⨂"),
          Map.entry("langle", "⟨"),
          Map.entry("rangle", "⟩"),
          Map.entry("lceil", "⌈"),
          Map.entry("rceil", "⌉"),
          Map.entry("lfloor", "⌊"),
          Map.entry("rfloor", "⌋"),
          Map.entry("vert", "|"),
          Map.entry("lvert", "|"),
          Map.entry("rvert", "|"),
          Map.entry("Vert", "‖"),
          Map.entry("lVert", "‖"),
          Map.entry("rVert", "‖"),
          Map.entry("|", "‖"),
          Map.entry("{", "{"),
          Map.entry("}", "}"),
          Map.entry("lbrace", "{"),
          Map.entry("rbrace", "}"),
          Map.entry("lbrack", "["),
          Map.entry("rbrack", "]"),
          Map.entry("backslash", "∖"),
          Map.entry("colon", ":"),
          Map.entry("coloneqq", "≔"),
          Map.entry("eqqcolon", "≕"),
          Map.entry("triangleq", "≜"),
          Map.entry("doteq", "≐"),
          Map.entry("models", "⊨"),
          Map.entry("vdash", "⊢"),
          Map.entry("therefore", "∴"),
          Map.entry("because", "∵"),
          Map.entry("prime", "′"),
          Map.entry("not", "¬"));

  /** Accents over their argument, by command. */
  private static final Map<String, String> ACCENTS =
      Map.ofEntries(
          Map.entry("hat", "^"),
          Map.entry("widehat", "^"),
          Map.entry("tilde", "~"),
          Map.entry("widetilde", "~"),
          Map.entry("bar", "‾"),
          Map.entry("overline", "‾"),
          Map.entry("vec", "→"),
          Map.entry("overrightarrow", "→"),
          Map.entry("dot", "˙"),
          Map.entry("ddot", "¨"),
          Map.entry("check", "ˇ"),
          Map.entry("breve", "˘"),
          Map.entry("acute", "´"),
          Map.entry("grave", "`"),
          Map.entry("overbrace", "⏞"));

  private static final Map<String, String> UNDER = Map.of("underline", "_", "underbrace", "⏟");

  /** Capital letters that Unicode has outside the Mathematical Alphanumeric Symbols block. */
  private static final Map<Character, String> DOUBLE_STRUCK =
      Map.of('C', "ℂ", 'H', "ℍ", 'N', "ℕ", 'P', "ℙ", 'Q', "ℚ", 'R', "ℝ", 'Z', "ℤ");

  private static final Map<Character, String> SCRIPT =
      Map.of('B', "ℬ", 'E', "ℰ", 'F', "ℱ", 'H', "ℋ", 'I', "ℐ", 'L', "ℒ", 'M', "ℳ", 'R', "ℛ");

  private final String tex;
  private final List<MathToken> tokens;
  private final boolean display;
  private int i;

  /** The commands met that none of the tables above knows (written as their names). */
  private final java.util.Set<String> unknown = new java.util.TreeSet<>();

  private MathMl(String tex, List<MathToken> tokens, boolean display) {
    this.tex = tex;
    this.tokens = tokens;
    this.display = display;
  }

  /** The {@code <math>} element for {@code tex} (tokens {@code tokens}, already checked). */
  static String of(String tex, List<MathToken> tokens, boolean display) {
    return convert(tex, tokens, display).text;
  }

  /**
   * The commands of {@code tex} that this class does not know and writes as their names (for
   * tests).
   */
  static Set<String> unknownCommands(String tex) {
    return convert(tex, MathTokenizer.tokenize(tex), false).unknown;
  }

  private record Converted(String text, Set<String> unknown) {}

  private static Converted convert(String tex, List<MathToken> tokens, boolean display) {
    MathMl m = new MathMl(tex, tokens, display);
    List<String> items = new ArrayList<>();
    while (m.i < tokens.size()) {
      items.addAll(m.list());
      m.i++; // a line break or column separator outside an environment, which says nothing
    }
    String body = row(items);
    return new Converted(
        "<math" + (display ? " display=\"block\"" : "") + ">" + body + "</math>", m.unknown);
  }

  /**
   * Items up to the end of the current group, {@code \right}, {@code \middle}, {@code &}, {@code
   * \\} or {@code \end}.
   */
  private List<String> list() {
    List<String> items = new ArrayList<>();
    while (i < tokens.size()) {
      MathToken t = tokens.get(i);
      if (t.is(Kind.CLOSE_GROUP)
          || t.is(Kind.ALIGN)
          || t.isCommand("right")
          || t.isCommand("middle")
          || t.isCommand("end")
          || t.text().equals("\\\\")) {
        break;
      }
      String item = scripted();
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** One item with the scripts and primes that follow it; null for something that says nothing. */
  private String scripted() {
    MathToken first = tokens.get(i);
    Item base = base();
    if (base == null) {
      return null;
    }
    String sub = null;
    String sup = null;
    StringBuilder primes = new StringBuilder();
    while (true) {
      skipIgnorable();
      if (i >= tokens.size()) {
        break;
      }
      MathToken t = tokens.get(i);
      if (t.isCommand("limits") || t.isCommand("nolimits") || t.isCommand("displaylimits")) {
        i++;
      } else if (t.is(Kind.SUBSCRIPT) && sub == null) {
        i++;
        sub = argument();
      } else if (t.is(Kind.SUPERSCRIPT) && sup == null) {
        i++;
        sup = argument();
      } else if (t.isChar('\'') && sup == null) {
        i++;
        primes.append('′');
      } else {
        break;
      }
    }
    if (primes.length() > 0) {
      String p = "<mo>" + primes + "</mo>";
      sup = sup == null ? p : "<mrow>" + p + sup + "</mrow>";
    }
    if (sub == null && sup == null) {
      return base.xml();
    }
    boolean under =
        base.under()
            || (display && base.limits())
            || first.isCommand("underbrace")
            || first.isCommand("overbrace");
    if (under) {
      return sub == null
          ? "<mover>" + base.xml() + sup + "</mover>"
          : sup == null
              ? "<munder>" + base.xml() + sub + "</munder>"
              : "<munderover>" + base.xml() + sub + sup + "</munderover>";
    }
    return sub == null
        ? "<msup>" + base.xml() + sup + "</msup>"
        : sup == null
            ? "<msub>" + base.xml() + sub + "</msub>"
            : "<msubsup>" + base.xml() + sub + sup + "</msubsup>";
  }

  /**
   * An item's MathML, whether scripts go under and over it in display style, and whether always.
   */
  private record Item(String xml, boolean limits, boolean under) {
    static Item of(String xml) {
      return new Item(xml, false, false);
    }
  }

  /** A script or command argument: a group as one row, or one item. */
  private String argument() {
    skipIgnorable();
    if (i >= tokens.size()) {
      return "<mrow></mrow>";
    }
    if (tokens.get(i).is(Kind.OPEN_GROUP)) {
      i++;
      List<String> inside = list();
      i++; // the closing brace
      return row(inside);
    }
    Item item = base();
    return item == null ? "<mrow></mrow>" : item.xml();
  }

  /** The raw text of an argument in braces (or one token), for text and names. */
  private String rawArgument() {
    skipIgnorable();
    if (i >= tokens.size()) {
      return "";
    }
    if (!tokens.get(i).is(Kind.OPEN_GROUP)) {
      return tokens.get(i++).text();
    }
    int start = tokens.get(i).end();
    int depth = 0;
    for (; i < tokens.size(); i++) {
      if (tokens.get(i).is(Kind.OPEN_GROUP)) {
        depth++;
      } else if (tokens.get(i).is(Kind.CLOSE_GROUP) && --depth == 0) {
        return tex.substring(start, tokens.get(i++).start());
      }
    }
    return tex.substring(start);
  }

  private void skipOption() {
    skipIgnorable();
    if (i < tokens.size() && tokens.get(i).isChar('[')) {
      optional();
    }
  }

  /** The items of an optional {@code [..]} argument at {@code i}, as a row. */
  private String optional() {
    i++; // [
    List<String> items = new ArrayList<>();
    while (i < tokens.size() && !tokens.get(i).isChar(']')) {
      String item = scripted();
      if (item != null) {
        items.add(item);
      }
    }
    i++; // ]
    return row(items);
  }

  /** One base: a group, a character, a number or a command with its arguments; null if silent. */
  private Item base() {
    MathToken t = tokens.get(i);
    switch (t.kind()) {
      case SPACE, COMMENT -> {
        i++;
        return null;
      }
      case OPEN_GROUP -> {
        return Item.of(argument());
      }
      case SUPERSCRIPT, SUBSCRIPT -> { // a script with no base, like {}^2
        return Item.of("<mrow></mrow>");
      }
      case CHAR -> {
        return Item.of(character());
      }
      case COMMAND -> {
        i++;
        return command(t.name());
      }
      default -> {
        i++;
        return null;
      }
    }
  }

  private String character() {
    MathToken t = tokens.get(i);
    char c = t.text().charAt(0);
    if (Character.isDigit(c) || (c == '.' && i + 1 < tokens.size() && isDigit(tokens.get(i + 1)))) {
      StringBuilder number = new StringBuilder();
      while (i < tokens.size()
          && (isDigit(tokens.get(i))
              || (tokens.get(i).isChar('.')
                  && i + 1 < tokens.size()
                  && isDigit(tokens.get(i + 1))))) {
        number.append(tokens.get(i++).text());
      }
      return "<mn>" + number + "</mn>";
    }
    i++;
    if (Character.isLetter(c)) {
      return "<mi>" + escape(t.text()) + "</mi>";
    }
    if (c == '~') {
      return "<mtext>&#160;</mtext>";
    }
    return "<mo>" + escape(c == '-' ? "−" : c == '*' ? "∗" : t.text()) + "</mo>";
  }

  private static boolean isDigit(MathToken t) {
    return t.is(Kind.CHAR) && Character.isDigit(t.text().charAt(0));
  }

  private Item command(String name) {
    if (SILENT.contains(name)) {
      if (name.startsWith("big")
          || name.startsWith("Big")
          || name.equals("left")
          || name.equals("right")
          || name.equals("middle")) {
        return name.equals("left") ? fenced() : delimiter();
      }
      return null;
    }
    if (SILENT_WITH_ARGUMENT.contains(name)) {
      rawArgument();
      return null;
    }
    String identifier = IDENTIFIERS.get(name);
    if (identifier != null) {
      boolean upright = Character.isUpperCase(identifier.charAt(0)) && identifier.charAt(0) > 0x370;
      return Item.of(
          "<mi" + (upright ? " mathvariant=\"normal\"" : "") + ">" + escape(identifier) + "</mi>");
    }
    String operator = OPERATORS.get(name);
    if (operator != null) {
      return new Item("<mo>" + escape(operator) + "</mo>", LIMITS.contains(operator), false);
    }
    if (FUNCTIONS.contains(name)) {
      return new Item("<mi>" + name + "</mi>", LIMITS.contains(name), false);
    }
    if (name.equals("argmax") || name.equals("argmin")) {
      return new Item("<mi>arg " + name.substring(3) + "</mi>", true, false);
    }
    if (TEXT.contains(name)) {
      return Item.of("<mtext>" + escape(rawArgument().replaceAll("\\s+", " ")) + "</mtext>");
    }
    if (TRANSPARENT.contains(name)) {
      return Item.of(argument());
    }
    String accent = ACCENTS.get(name);
    if (accent != null) {
      return Item.of(
          "<mover accent=\"true\">" + argument() + "<mo>" + escape(accent) + "</mo></mover>");
    }
    String under = UNDER.get(name);
    if (under != null) {
      return new Item(
          "<munder>" + argument() + "<mo>" + escape(under) + "</mo></munder>", false, true);
    }
    return switch (name) {
      case "frac", "dfrac", "tfrac", "cfrac" ->
          Item.of("<mfrac>" + argument() + argument() + "</mfrac>");
      case "binom", "dbinom", "tbinom" ->
          Item.of(
              "<mrow><mo>(</mo><mfrac linethickness=\"0\">"
                  + argument()
                  + argument()
                  + "</mfrac><mo>)</mo></mrow>");
      case "sqrt" -> sqrt();
      case "mathrm", "mathup", "operatorname", "textnormal" -> upright(name);
      case "mathbb", "Bbb", "mathds" ->
          alphabet("[A-Z ]+", raw -> letters(raw, 0x1D538, DOUBLE_STRUCK));
      case "mathcal", "cal" -> alphabet("[A-Z ]+", raw -> letters(raw, 0x1D49C, SCRIPT));
      case "mathbf" -> alphabet("[A-Za-z0-9 ]+", MathMl::bold);
      case "overset", "stackrel" -> {
        String over = argument();
        yield Item.of("<mover>" + argument() + over + "</mover>");
      }
      case "underset" -> {
        String below = argument();
        yield Item.of("<munder>" + argument() + below + "</munder>");
      }
      case "xrightarrow", "xleftarrow" -> {
        skipOption();
        yield Item.of(
            "<mover><mo>"
                + (name.equals("xrightarrow") ? "→" : "←")
                + "</mo>"
                + argument()
                + "</mover>");
      }
      case "begin" -> Item.of(environment());
      case "\\" -> null;
      default -> {
        unknown.add(name);
        yield Item.of("<mi>" + escape(name) + "</mi>");
      }
    };
  }

  /** {@code \left X … \middle Y … \right Z}, after {@code \left}. */
  private Item fenced() {
    StringBuilder s = new StringBuilder("<mrow>").append(fence());
    while (true) {
      s.append(row(list()));
      if (i >= tokens.size()) {
        break;
      }
      MathToken t = tokens.get(i++);
      s.append(fence());
      if (t.isCommand("right")) {
        break;
      }
    }
    return Item.of(s.append("</mrow>").toString());
  }

  /**
   * The delimiter after {@code \left}, {@code \middle}, {@code \right} or {@code \big}: an {@code
   * <mo>}, or "" for "."
   */
  private String fence() {
    skipIgnorable();
    if (i >= tokens.size()) {
      return "";
    }
    MathToken d = tokens.get(i++);
    if (d.isChar('.')) {
      return "";
    }
    String text = d.is(Kind.COMMAND) ? OPERATORS.getOrDefault(d.name(), d.name()) : d.text();
    return "<mo>" + escape(text) + "</mo>";
  }

  private Item delimiter() {
    skipIgnorable();
    if (i < tokens.size() && (tokens.get(i).is(Kind.CHAR) || tokens.get(i).is(Kind.COMMAND))) {
      String f = fence();
      return f.isEmpty() ? null : Item.of(f);
    }
    return null;
  }

  private Item sqrt() {
    skipIgnorable();
    if (i < tokens.size() && tokens.get(i).isChar('[')) {
      String index = optional();
      return Item.of("<mroot>" + argument() + index + "</mroot>");
    }
    return Item.of("<msqrt>" + argument() + "</msqrt>");
  }

  /**
   * {@code \mathrm}, {@code \operatorname}: a word is one upright identifier; anything else, its
   * items.
   */
  private Item upright(String name) {
    boolean star = i < tokens.size() && tokens.get(i).isChar('*');
    if (star) {
      i++;
    }
    int start = i;
    String raw = rawArgument().replace("\\,", " ").replace("\\!", "").strip();
    if (raw.matches("[A-Za-z][A-Za-z ]*")) {
      boolean operator = name.equals("operatorname");
      String variant = raw.length() == 1 ? " mathvariant=\"normal\"" : "";
      return new Item(
          "<mi" + variant + ">" + raw.replaceAll(" +", " ") + "</mi>",
          operator && (star || LIMITS.contains(raw)),
          false);
    }
    i = start;
    return Item.of(argument());
  }

  /**
   * A letter style's argument: its letters and digits as the Unicode mathematical letters {@code
   * write} gives when the argument has only characters that {@code plain} matches, else its items
   * as they are.
   */
  private Item alphabet(String plain, java.util.function.Function<String, String> write) {
    int start = i;
    String raw = rawArgument();
    if (raw.strip().matches(plain)) {
      return Item.of(write.apply(raw));
    }
    i = start;
    return Item.of(argument());
  }

  /**
   * Capital letters A–Z as Unicode mathematical letters from {@code first} (A), with the
   * exceptions.
   */
  private static String letters(String raw, int first, Map<Character, String> exceptions) {
    StringBuilder s = new StringBuilder();
    int count = 0;
    for (char c : raw.toCharArray()) {
      if (c >= 'A' && c <= 'Z') {
        String letter =
            exceptions.containsKey(c)
                ? exceptions.get(c)
                : new String(Character.toChars(first + c - 'A'));
        s.append("<mi>").append(letter).append("</mi>");
        count++;
      }
    }
    return count == 1 ? s.toString() : "<mrow>" + s + "</mrow>";
  }

  /** Bold letters and digits as Unicode mathematical bold; anything else as it is. */
  private static String bold(String raw) {
    StringBuilder s = new StringBuilder();
    int count = 0;
    for (char c : raw.toCharArray()) {
      if (c >= 'A' && c <= 'Z') {
        s.append("<mi>").appendCodePoint(0x1D400 + c - 'A').append("</mi>");
      } else if (c >= 'a' && c <= 'z') {
        s.append("<mi>").appendCodePoint(0x1D41A + c - 'a').append("</mi>");
      } else if (c >= '0' && c <= '9') {
        s.append("<mn>").appendCodePoint(0x1D7CE + c - '0').append("</mn>");
      } else {
        continue;
      }
      count++;
    }
    return count == 1 ? s.toString() : "<mrow>" + s + "</mrow>";
  }

  /**
   * {@code \begin{name}…\end{name}}, after {@code \begin}: a table, fenced as the environment is.
   */
  private String environment() {
    String name = rawArgument().strip();
    if (name.equals("array") || name.equals("subarray")) {
      rawArgument(); // the column specification
    }
    List<String> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    while (i < tokens.size()) {
      cells.add("<mtd>" + row(list()) + "</mtd>");
      if (i >= tokens.size()) {
        break;
      }
      MathToken t = tokens.get(i++);
      if (t.is(Kind.ALIGN)) {
        continue;
      }
      if (t.text().equals("\\\\") || t.isCommand("end")) {
        rows.add("<mtr>" + String.join("", cells) + "</mtr>");
        cells = new ArrayList<>();
        if (t.isCommand("end")) {
          rawArgument();
          break;
        }
        skipOption(); // \\[2pt]
      } else if (t.is(Kind.CLOSE_GROUP) || t.isCommand("right") || t.isCommand("middle")) {
        break; // not reached for checked TeX
      }
    }
    String table = "<mtable>" + String.join("", rows) + "</mtable>";
    String[] fences =
        switch (name) {
          case "pmatrix" -> new String[] {"(", ")"};
          case "bmatrix" -> new String[] {"[", "]"};
          case "Bmatrix" -> new String[] {"{", "}"};
          case "vmatrix" -> new String[] {"|", "|"};
          case "Vmatrix" -> new String[] {"‖", "‖"};
          case "cases" -> new String[] {"{", null};
          default -> null;
        };
    if (fences == null) {
      return table;
    }
    return "<mrow><mo>"
        + escape(fences[0])
        + "</mo>"
        + table
        + (fences[1] == null ? "" : "<mo>" + escape(fences[1]) + "</mo>")
        + "</mrow>";
  }

  private static String row(List<String> items) {
    return items.size() == 1 ? items.get(0) : "<mrow>" + String.join("", items) + "</mrow>";
  }

  private void skipIgnorable() {
    while (i < tokens.size() && tokens.get(i).isIgnorable()) {
      i++;
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
