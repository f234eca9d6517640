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
    return new String(LiveScript.inject(html.getBytes(StandardCharsets.UTF_8), "/g/__fieldguide/live.js?v=a.1"),
        StandardCharsets.UTF_8);
  }

  @Test
  void theScriptGoesBeforeTheLastClosingBodyTag() {
    assertEquals("<body><p>İ </body> x<script src=\"/g/__fieldguide/live.js?v=a.1\" defer></script></BODY></html>",
        inject("<body><p>İ </body> x</BODY></html>"));
  }

  @Test
  void aPageWithoutABodyTagGetsTheScriptAtTheEnd() {
    assertEquals("<p>x<script src=\"/g/__fieldguide/live.js?v=a.1\" defer></script>", inject("<p>x"));
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
    Diagnostic d = new Diagnostic("content/a.md", 3, 7, Severity.ERROR, "unknown page \"x\" </script>\nfix it");
    String json = Json.status(false, org.fieldguide.diag.Folded.of(List.of(d)), List.of("content/a.md:3:7: error: …"));
    assertEquals("{\"ok\":false,\"errors\":1,\"warnings\":0,\"diagnostics\":[{\"location\":\"content/a.md:3:7\","
        + "\"path\":\"content/a.md\",\"line\":3,\"column\":7,\"severity\":\"error\","
        + "\"message\":\"unknown page \\\"x\\\" \\u003c/script\\u003e\\nfix it\",\"text\":\"content/a.md:3:7: error: …\"}]}", json);
    assertEquals("{\"ok\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}", Json.status(true, List.of(), List.of()));
  }
}
