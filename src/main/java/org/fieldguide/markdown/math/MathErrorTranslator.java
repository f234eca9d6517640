package org.fieldguide.markdown.math;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.frontmatter.Suggest;
import org.fieldguide.markdown.math.MathToken.Kind;

/**
 * Turns JLaTeXMath's exception messages into one sentence that says what to do, with a position.
 */
final class MathErrorTranslator {
  private static final Pattern UNKNOWN_COMMAND =
      Pattern.compile("Unknown symbol or command or predefined TeXFormula: '([^']*)'");
  private static final Pattern UNKNOWN_ENVIRONMENT = Pattern.compile("Unknown environment: (\\S+)");
  private static final Pattern ARRAY_ONLY =
      Pattern.compile("The macro \\\\(\\S+) is only available in array mode");
  private static final Pattern UNKNOWN_CHARACTER = Pattern.compile("Unknown character : '(.)'");

  private final Collection<String> knownNames;

  MathErrorTranslator(Collection<String> knownNames) {
    this.knownNames = List.copyOf(knownNames);
  }

  MathException translate(RuntimeException e, List<MathToken> tokens) {
    String message = String.valueOf(e.getMessage());
    Matcher m = UNKNOWN_COMMAND.matcher(message);
    if (m.find()) {
      String name = m.group(1);
      String suggestion = closest(name);
      return new MathException(
          "unknown command \\"
              + name
              + "; "
              + (suggestion == null ? "check the spelling" : "did you mean \\" + suggestion + "?"),
          offsetOf(tokens, "\\" + name));
    }
    m = UNKNOWN_ENVIRONMENT.matcher(message);
    if (m.find()) {
      return new MathException(
          "unknown environment "
              + m.group(1)
              + "; use aligned, array, cases, gathered, matrix,"
              + " pmatrix, bmatrix or vmatrix",
          offsetOf(tokens, "\\begin"));
    }
    if (message.contains("Character '&' is only available in array mode")) {
      return new MathException(
          "& can only separate columns inside an environment such as aligned, cases or matrix",
          tokens.stream()
              .filter(t -> t.is(Kind.ALIGN))
              .mapToInt(MathToken::start)
              .findFirst()
              .orElse(-1));
    }
    m = ARRAY_ONLY.matcher(message);
    if (m.find()) {
      return new MathException(
          "\\" + m.group(1) + " can only be used inside an environment such as array or aligned",
          offsetOf(tokens, "\\" + m.group(1)));
    }
    m = UNKNOWN_CHARACTER.matcher(message);
    if (m.find()) {
      String c = m.group(1);
      return new MathException(
          "the character " + c + " cannot be used here; write \\" + c + " for a literal one",
          offsetOf(tokens, c));
    }
    String detail =
        message
            .lines()
            .reduce((first, second) -> second)
            .orElse(message)
            .replaceAll("\\s*!\\s*$", "")
            .strip();
    return new MathException(
        "JLaTeXMath cannot typeset this formula ("
            + detail
            + "); simplify it or write it another"
            + " way",
        -1);
  }

  private static int offsetOf(List<MathToken> tokens, String text) {
    return tokens.stream()
        .filter(t -> t.text().equals(text))
        .mapToInt(MathToken::start)
        .findFirst()
        .orElse(-1);
  }

  /** The known name nearest to {@code name} by edit distance, if it is near enough to be a typo. */
  private String closest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : knownNames) {
      if (Math.abs(name.length() - candidate.length()) > 3) {
        continue; // a command name that much longer or shorter is no typo of it
      }
      int d = Suggest.distance(name, candidate);
      if (d < bestDistance
          || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
  }
}
