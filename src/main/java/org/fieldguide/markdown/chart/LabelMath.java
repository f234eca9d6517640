package org.fieldguide.markdown.chart;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.fieldguide.markdown.math.MathException;
import org.fieldguide.markdown.math.MathRenderer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Formulas in a diagram's labels ({@code "Pairs $(x, y_w, y_l)$"}), drawn as SVG text: letters in
 * italics, subscripts lowered and superscripts raised in smaller type, Greek and symbols as their
 * characters, a fraction as {@code a/b}. Labels are SVG {@code <text>}, which cannot hold a typeset
 * formula; the formula goes through {@link MathRenderer#mathMl}, and its MathML is written out as
 * text runs. A formula that does not typeset is left as it was written (the diagram's parser
 * reports it).
 */
final class LabelMath {
  /** {@code $…$} with no dollar inside. */
  private static final Pattern FORMULA = Pattern.compile("\\$([^$]+)\\$");

  private static final MathRenderer RENDERER = new MathRenderer();

  /** Combining accents for {@code \hat} and the like, by the accent MathML puts over the letter. */
  private static final Map<String, String> COMBINING =
      Map.of(
          "^", "\u0302", "~", "\u0303", "\u203E", "\u0305", "\u2192", "\u20D7", "\u02D9", "\u0307",
          "\u00A8", "\u0308");

  /** Relations and arrows, which a typeset formula spaces on both sides. */
  private static final java.util.Set<String> RELATIONS =
      java.util.Set.of(
          "=", "<", ">", "\u2264", "\u2265", "\u2260", "\u2248", "\u223C", "\u2261", "\u2208",
          "\u2209", "\u2282", "\u2286", "\u227B", "\u227A", "\u2192", "\u2190", "\u21D2", "\u21D4",
          "\u221D", "\u2243", "\u2254", "\u2223");

  private LabelMath() {}

  /** Whether {@code text} holds a formula. */
  static boolean has(String text) {
    return text.indexOf('$') >= 0 && FORMULA.matcher(text).find();
  }

  /** Why a formula of {@code text} does not typeset, or null if every one does. */
  static String problem(String text) {
    Matcher m = FORMULA.matcher(text);
    while (m.find()) {
      try {
        RENDERER.mathMl(m.group(1), false);
      } catch (MathException e) {
        return "$" + m.group(1) + "$: " + e.getMessage();
      }
    }
    return null;
  }

  /**
   * The text with each formula as plain characters, scripts written after their base ({@code y_w}
   * gives {@code yw}): what a line's width is estimated from, and what a reader of the text
   * alternative gets (with {@code spaced}, a space before each script: "y w").
   */
  static String plain(String text, boolean spaced) {
    return replace(
        text,
        math -> {
          StringBuilder s = new StringBuilder();
          plain(math, s, spaced);
          return s.toString().strip();
        },
        false);
  }

  /**
   * The text as the content of an SVG {@code <text>} element: escaped, with formulas as styled
   * runs.
   */
  static String svg(String text) {
    return replace(
        text,
        math -> {
          StringBuilder s = new StringBuilder();
          svg(math, s);
          return s.toString();
        },
        true);
  }

  /**
   * Splits {@code text} into words at white space outside formulas, so that a formula is never
   * broken across lines.
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inFormula = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$') {
        inFormula = !inFormula && text.indexOf('$', i + 1) > i + 1;
      }
      if (Character.isWhitespace(c) && !inFormula) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String replace(
      String text, java.util.function.Function<Element, String> write, boolean escape) {
    if (!has(text)) {
      return escape ? Markup.escape(text) : text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = FORMULA.matcher(text);
    int last = 0;
    while (m.find()) {
      String before = text.substring(last, m.start());
      out.append(escape ? Markup.escape(before) : before);
      Element math = parse(m.group(1));
      if (math == null) {
        out.append(escape ? Markup.escape(m.group()) : m.group());
      } else {
        out.append(write.apply(math));
      }
      last = m.end();
    }
    String rest = text.substring(last);
    return out.append(escape ? Markup.escape(rest) : rest).toString();
  }

  /** The formula's {@code <math>} element, or null if it does not typeset. */
  private static Element parse(String tex) {
    try {
      String xml = RENDERER.mathMl(tex, false);
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new InputSource(new StringReader(xml)))
          .getDocumentElement();
    } catch (MathException | SAXException | IOException | ParserConfigurationException e) {
      return null;
    }
  }

  /** An operator with the space a typeset formula gives it: after a comma, around a relation. */
  private static String spacedOperator(String op) {
    if (op.equals(",") || op.equals(";")) {
      return op + " ";
    }
    return RELATIONS.contains(op) ? " " + op + " " : op;
  }

  private static List<Element> children(Element e) {
    List<Element> children = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  private static void plain(Element e, StringBuilder s, boolean spaced) {
    List<Element> kids = children(e);
    switch (e.getTagName()) {
      case "mo" -> s.append(spacedOperator(e.getTextContent()));
      case "mi", "mn", "mtext" -> s.append(e.getTextContent());
      case "msub", "msup", "munder", "mover", "msubsup", "munderover" -> {
        boolean accent = e.getTagName().equals("mover") && "true".equals(e.getAttribute("accent"));
        plain(kids.get(0), s, spaced);
        for (Element script : kids.subList(1, kids.size())) {
          if (accent) {
            s.append(COMBINING.getOrDefault(script.getTextContent(), ""));
          } else {
            s.append(spaced ? " " : "");
            plain(script, s, spaced);
          }
        }
      }
      case "mfrac" -> {
        plain(kids.get(0), s, spaced);
        s.append('/');
        plain(kids.get(1), s, spaced);
      }
      case "msqrt", "mroot" -> {
        s.append('\u221A');
        plain(kids.get(0), s, spaced);
      }
      default -> kids.forEach(k -> plain(k, s, spaced));
    }
  }

  private static void svg(Element e, StringBuilder s) {
    List<Element> kids = children(e);
    switch (e.getTagName()) {
      case "mi" -> {
        String name = e.getTextContent();
        boolean italic =
            name.codePointCount(0, name.length()) == 1
                && !"normal".equals(e.getAttribute("mathvariant"))
                && Character.isLetter(name.codePointAt(0))
                && name.codePointAt(0) < 0x2100;
        s.append(
            italic
                ? "<tspan font-style=\"italic\">" + Markup.escape(name) + "</tspan>"
                : Markup.escape(name));
      }
      case "mo" -> s.append(Markup.escape(spacedOperator(e.getTextContent())));
      case "mn", "mtext" -> s.append(Markup.escape(e.getTextContent()));
      case "msub", "munder" -> script(kids.get(0), kids.get(1), "sub", s);
      case "msup" -> script(kids.get(0), kids.get(1), "super", s);
      case "mover" -> {
        if ("true".equals(e.getAttribute("accent"))) {
          StringBuilder base = new StringBuilder();
          plain(kids.get(0), base, false);
          s.append("<tspan font-style=\"italic\">")
              .append(Markup.escape(base.toString()))
              .append(COMBINING.getOrDefault(kids.get(1).getTextContent(), ""))
              .append("</tspan>");
        } else {
          script(kids.get(0), kids.get(1), "super", s);
        }
      }
      case "msubsup", "munderover" -> {
        script(kids.get(0), kids.get(1), "sub", s);
        s.append("<tspan baseline-shift=\"super\" font-size=\"75%\">");
        svg(kids.get(2), s);
        s.append("</tspan>");
      }
      case "mfrac" -> {
        svg(kids.get(0), s);
        s.append('/');
        svg(kids.get(1), s);
      }
      case "msqrt", "mroot" -> {
        s.append('\u221A');
        svg(kids.get(0), s);
      }
      default -> kids.forEach(k -> svg(k, s));
    }
  }

  /**
   * A base with a script lowered ({@code sub}) or raised ({@code super}) after it, in smaller type.
   */
  private static void script(Element base, Element script, String shift, StringBuilder s) {
    svg(base, s);
    s.append("<tspan baseline-shift=\"").append(shift).append("\" font-size=\"75%\">");
    svg(script, s);
    s.append("</tspan>");
  }
}
