package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.DiagnosticFormatter;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostics quote content, and CI reads what the build prints: a line break inside content (a
 * YAML key may hold one) must not start a line of its own, where it could pose as a GitHub Actions
 * workflow command ({@code ::error::}, {@code ::add-mask::}, …) or as a diagnostic of another file;
 * and a bidirectional control in a file name or a key must not make the output read as another
 * path.
 */
class DiagnosticInjectionTest {
  private static final String KEY =
      "\"x\\n::error file=README.md::forged\\r\\n::add-mask::secret\\u2028y\"";

  @TempDir Path dir;

  @Test
  void contentCannotStartALineOfTheBuildsOutput() throws IOException {
    Fixture fixture =
        Fixture.create(dir, Hostile.BASE)
            .write(
                "-- content/guide/evil.md --\n---\ntitle: T\ndescription: D\n"
                    + KEY
                    + ": 1\n---\nx\n");
    Fixture.CliRun run = fixture.cli("check");
    assertEquals(1, run.status(), run.err());
    for (String line : run.err().split("\n", -1)) {
      assertTrue(
          line.isEmpty() || line.startsWith("content/") || line.startsWith("fieldguide: "),
          "a forged line: " + line);
    }
    assertTrue(
        run.err()
            .contains(
                "unknown key 'x\\n::error file=README.md::forged\\r\\n::add-mask::secret\\u2028y'"),
        run.err());
  }

  @Test
  void annotationsUnderGitHubActionsStayOneLineEach() {
    Diagnostic d =
        new Diagnostic(
            "content/a,b:c.md",
            3,
            4,
            org.fieldguide.diag.Severity.ERROR,
            "bad\n::add-mask::x\r\n%0A");
    String[] lines = new DiagnosticFormatter(true).format(d).split("\n", -1);
    assertEquals(2, lines.length);
    assertEquals("content/a,b:c.md:3:4: error: bad\\n::add-mask::x\\r\\n%0A", lines[0]);
    assertEquals(
        "::error file=content/a%2Cb%3Ac.md,line=3,col=4::bad%0A::add-mask::x%0D%0A%250A", lines[1]);
  }

  @Test
  void bidirectionalControlsInFileNamesAndKeysArePrintedAsEscapes() throws IOException {
    Fixture fixture =
        Fixture.create(dir, Hostile.BASE)
            .write(
                "-- content/guide/page.md --\n---\ntitle: T\ndescription: D\n"
                    + "\"a\\u200Eb\\u200Fc\\u202Ad\\u202Be\\u202Cf\\u202Dg\\u2066h\\u2067i\\u2068j\\u2069k\\u061Cl\": 1\n---\nx\n");
    Files.writeString(
        fixture.path("content/guide/a\u202Eb.md"), "---\ntitle: T\ndescription: D\n---\nx\n");
    Fixture.CliRun run = fixture.cli("check");
    assertEquals(1, run.status(), run.err());
    assertEquals(
        """
        content/guide/a\\u202Eb.md: error: the name 'a\\u202Eb.md' cannot be part of a web address; rename it with\
         lower-case letters, digits and '-' only
        content/guide/page.md:4:1: error: unknown key 'a\\u200Eb\\u200Fc\\u202Ad\\u202Be\\u202Cf\\u202Dg\\u2066h\\u2067i\\u2068j\\u2069k\\u061Cl'\
         in a page's front matter; allowed keys are title, description, order, tags, updated, draft, autolink
        fieldguide: 2 error(s), 0 warning(s); fix them and run again
        """,
        run.err());
  }

  @Test
  void annotationsShowBidirectionalControlsAsEscapes() {
    Diagnostic d =
        new Diagnostic(
            "content/a\u202Eb.md",
            1,
            2,
            org.fieldguide.diag.Severity.ERROR,
            "name \u2067x\u2069\u001b[2J");
    String[] lines = new DiagnosticFormatter(true).format(d).split("\n", -1);
    assertEquals("content/a\\u202Eb.md:1:2: error: name \\u2067x\\u2069\\u001B[2J", lines[0]);
    assertEquals(
        "::error file=content/a\\u202Eb.md,line=1,col=2::name \\u2067x\\u2069\\u001B[2J", lines[1]);
  }
}
