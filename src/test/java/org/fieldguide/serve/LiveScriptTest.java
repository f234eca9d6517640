package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Severity;
import org.junit.jupiter.api.Test;

/** The live script's tag and the status message it reads. */
class LiveScriptTest {
  private static String inject(String html) {
    return new String(
        LiveScript.inject(html.getBytes(StandardCharsets.UTF_8), "/g/__fieldguide/live.js?v=a.1"),
        StandardCharsets.UTF_8);
  }

  @Test
  void theScriptGoesBeforeTheLastClosingBodyTag() {
    assertEquals(
        "<body><p>İ </body> x<script src=\"/g/__fieldguide/live.js?v=a.1\" defer></script></BODY></html>",
        inject("<body><p>İ </body> x</BODY></html>"));
  }

  /**
   * A string literal cut by a line break (a {@code \\n} the text block turned into one) stops the
   * whole script.
   */
  @Test
  void noStringInTheScriptRunsOverALineEnd() {
    for (String line : LiveScript.SOURCE.split("\n")) {
      String code = line.replaceAll("\\\\.", "").replaceAll("//.*$", "");
      assertEquals(0, code.chars().filter(c -> c == '"').count() % 2, line);
    }
  }

  @Test
  void aDraftPagesTagAsksForTheDraftBanner() {
    assertEquals(
        "<body>x<script src=\"/live.js\" defer data-draft></script></body>",
        new String(
            LiveScript.inject("<body>x</body>".getBytes(StandardCharsets.UTF_8), "/live.js", true),
            StandardCharsets.UTF_8));
    assertTrue(LiveScript.SOURCE.contains("me.hasAttribute(\"data-draft\")"));
  }

  @Test
  void theStatusMessageCarriesTheEditorLinkAndTheExcerptWhenThereAreAny() {
    Diagnostic d = new Diagnostic("content/a.md", 3, 7, Severity.ERROR, "bad");
    String json =
        Json.status(
            false,
            org.fieldguide.diag.Folded.of(List.of(d)),
            List.of("t"),
            List.of(new ErrorContext.Shown("vscode://file/p/a.md:3:7", List.of("3 | x", "  | ^"))));
    assertTrue(
        json.endsWith(
            ",\"text\":\"t\",\"editor\":\"vscode://file/p/a.md:3:7\",\"excerpt\":[\"3 | x\",\"  | ^\"]}]}"),
        json);
  }

  @Test
  void aPageWithoutABodyTagGetsTheScriptAtTheEnd() {
    assertEquals(
        "<p>x<script src=\"/g/__fieldguide/live.js?v=a.1\" defer></script>", inject("<p>x"));
  }

  @Test
  void theScriptBuildsTheOverlayWithDomCallsOnly() {
    assertFalse(LiveScript.SOURCE.contains("innerHTML"));
    assertFalse(LiveScript.SOURCE.contains("setAttribute(\"style\""));
    assertFalse(LiveScript.SOURCE.contains("eval("));
    assertTrue(LiveScript.SOURCE.contains("textContent"));
  }

  @Test
  void theStatusMessageIsOneLineOfJsonWithEveryDiagnostic() {
    Diagnostic d =
        new Diagnostic(
            "content/a.md", 3, 7, Severity.ERROR, "unknown page \"x\" </script>\nfix it");
    String json =
        Json.status(
            false,
            org.fieldguide.diag.Folded.of(List.of(d)),
            List.of("content/a.md:3:7: error: …"));
    assertEquals(
        "{\"ok\":false,\"errors\":1,\"warnings\":0,\"diagnostics\":[{\"location\":\"content/a.md:3:7\","
            + "\"path\":\"content/a.md\",\"line\":3,\"column\":7,\"severity\":\"error\","
            + "\"message\":\"unknown page \\\"x\\\" \\u003c/script\\u003e\\nfix it\",\"text\":\"content/a.md:3:7: error: …\"}]}",
        json);
    assertEquals(
        "{\"ok\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}",
        Json.status(true, List.of(), List.of()));
  }
}
