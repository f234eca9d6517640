package org.fieldguide.markdown.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed TeX is an error with a message that says what is wrong and where, never a quiet
 * drawing.
 */
class MathErrorTest {
  private final MathRenderer renderer = new MathRenderer();

  private MathException error(String tex) {
    return assertThrows(MathException.class, () -> renderer.render(tex, false), tex);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      textBlock =
          """
      \\frac{a}{ => 8 => { is never closed; add the matching }
      {a => 0 => { is never closed; add the matching }
      a} => 1 => unmatched }; remove it or add the { that it closes
      \\unknowncommand{x} => 0 => unknown command \\unknowncommand; check the spelling
      x + \\fracc{a}{b} => 4 => unknown command \\fracc; did you mean \\frac?
      \\mathbbb{R} => 0 => unknown command \\mathbbb; did you mean \\mathbb?
      \\frac{a} => 0 => \\frac needs 2 arguments in braces, like \\frac{a}{b}, but has only 1
      \\sqrt => 0 => \\sqrt needs an argument in braces, like \\sqrt{a}
      \\hat{}+\\hat => 7 => \\hat needs an argument in braces, like \\hat{a}
      \\sqrt[3 => 5 => the optional argument [ of \\sqrt is never closed; add the ]
      x^ => 1 => ^ has no superscript after it; write it in braces, like x^{2}
      x_} => 2 => unmatched }; remove it or add the { that it closes
      {x_} => 2 => _ has no subscript after it; write it in braces, like x_{2}, or write \\_ for an underscore
      x^2^3 => 3 => double superscript: say which part ^ belongs to with braces, like x^{a^b} or {x^a}^b
      x_1^2_3 => 5 => double subscript: say which part _ belongs to with braces, like x_{a_b} or {x_a}_b
      \\left( x => 0 => \\left has no matching \\right; add one, like \\left( … \\right), or \\right. for an invisible one
      x \\right) => 2 => \\right has no matching \\left in the same braces; add one, like \\left( … \\right)
      {\\left( x} \\right) => 1 => \\left has no matching \\right before this }; add one, like \\left( … \\right), or \\right. for an invisible one
      \\middle| => 0 => \\middle can only stand between \\left and \\right
      \\begin{cases} a \\end{array} => 16 => \\begin{cases} is closed by \\end{array}; make the names match
      \\begin{aligned} a => 0 => \\begin{aligned} has no matching \\end{aligned}
      a \\end{aligned} => 2 => \\end{aligned} has no matching \\begin{aligned}
      \\begin{foo} a \\end{foo} => 0 => unknown environment foo; use aligned, array, cases, gathered, matrix, pmatrix, bmatrix or vmatrix
      a & b => 2 => & can only separate columns inside an environment such as aligned, cases or matrix
      \\hline => 0 => \\hline can only be used inside an environment such as array or aligned
      \\mathbb{e} => 0 => \\mathbb has only the capital letters A to Z, so \\mathbb{e} cannot be drawn
      \\mathbb{1} => 0 => \\mathbb has only the capital letters A to Z, so \\mathbb{1} cannot be drawn; for an indicator function write \\mathbf{1}
      \\mathcal{l} => 0 => \\mathcal has only the capital letters A to Z, so \\mathcal{l} cannot be drawn
      \\newcommand{\\R}{\\mathbb{R}} \\R => 0 => \\newcommand is not supported in formulas, because a definition would change every formula rendered after it; ask for a site-wide macro in MathMacros instead
      \\def\\x{y} => 0 => \\def is not supported in formulas, because a definition would change every formula rendered after it; ask for a site-wide macro in MathMacros instead
      \\textcolor{red}{x} => 0 => \\textcolor is not supported in formulas, because a fixed colour would not follow the light and dark themes; remove it
      \\includegraphics{x.png} => 0 => \\includegraphics is not supported in formulas, because it would read a file while building; use a Markdown image instead
      x = 中 => 4 => the character 中 (U+4E2D) is not in the formula fonts; move it out of the formula or write it as a TeX command
      `x \\` => 2 => a lone \\ ends the formula; remove it or finish the command
      ` ` => 0 => the formula is empty; write TeX between the dollar signs or remove them
      """)
  void malformedTexIsReportedWithWhatToDo(String tex, int offset, String message) {
    MathException e = error(tex);
    assertEquals(message, e.getMessage());
    assertEquals(offset, e.offset());
  }

  @Test
  void emptyFormulaIsAnError() {
    assertEquals(
        "the formula is empty; write TeX between the dollar signs or remove them",
        error("").getMessage());
  }

  @Test
  void messagesAreOneSentence() {
    for (String tex : new String[] {"\\frac{a}{", "\\foo", "x^^2", "\\limits", "\\over"}) {
      String m = error(tex).getMessage();
      assertFalse(m.isEmpty());
      assertFalse(m.contains("\n"), m);
      assertFalse(Character.isUpperCase(m.charAt(0)) && !m.startsWith("JLaTeXMath"), m);
      assertFalse(m.endsWith("."), m);
    }
  }

  @Test
  void aDefinitionCannotLeakIntoLaterFormulas() throws Exception {
    error("\\newcommand{\\leak}{x}");
    MathException later = error("\\leak");
    assertEquals("unknown command \\leak; check the spelling", later.getMessage());
  }

  @Test
  void literalSpecialCharactersAreFine() throws Exception {
    for (String tex :
        new String[] {"\\{ x \\}", "50\\%", "\\$5", "a \\& b", "\\#1", "x\\_1", "\\^{}"}) {
      assertTrue(renderer.render(tex, false).startsWith("<svg"), tex);
    }
  }
}
