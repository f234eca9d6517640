package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Alignment Field Guide builds with no errors and no warnings (as under --strict), and
 * what its pages hold.
 */
class RealContentIT {
  private static BuildResult result;

  @BeforeAll
  static void build() {
    BuildOptions options =
        BuildOptions.defaults(Path.of(".")).withWrite(false).withStrict(true).withVersion("test");
    result = new Build(options).run();
  }

  private static Map<String, Document> pages() {
    Map<String, Document> pages = new java.util.TreeMap<>();
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      if (file.getKey().endsWith(".html")) {
        pages.put(file.getKey(), Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8)));
      }
    }
    return pages;
  }

  @Test
  void realContentChecksCleanUnderStrict() {
    assertEquals(List.of(), Fixture.lines(result));
    assertTrue(result.files().containsKey("alignment/rlhf/index.html"));
    assertTrue(result.files().containsKey("glossary/induction-head/index.html"));
  }

  /**
   * Every drawn formula on the site is hidden from screen readers and has its MathML right after
   * it.
   */
  @Test
  void everyFormulaOfTheSiteHasMathMlBesideIt() {
    List<String> missing = new ArrayList<>();
    int formulas = 0;
    for (Map.Entry<String, Document> page : pages().entrySet()) {
      for (Element svg : page.getValue().select("svg.math")) {
        formulas++;
        Element next = svg.nextElementSibling();
        boolean spoken =
            next != null
                && next.is("span.visually-hidden")
                && next.childrenSize() == 1
                && next.child(0).is("math")
                && !next.child(0).text().isBlank();
        if (!spoken || !svg.attr("aria-hidden").equals("true")) {
          missing.add(page.getKey() + ": " + svg.parent().outerHtml().substring(0, 120));
        }
      }
    }
    assertTrue(formulas > 100, formulas + " formulas");
    assertEquals(List.of(), missing);
  }
}
