package org.fieldguide.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The post-processor's one walk against {@link SelectingBodyPostProcessor}, the CSS-query version
 * it replaced: the same HTML, table of contents and search text for every page body of the real
 * site and for awkward markup.
 */
class BodyPostProcessorWalkTest {
  private static final Predicate<String> RESERVED =
      Set.of("references", "main", "toc-title")::contains;

  private static void assertSame(String body, String where) {
    BodyPostProcessor.Result expected = new SelectingBodyPostProcessor().process(body, RESERVED);
    BodyPostProcessor.Result actual = new BodyPostProcessor().process(body, RESERVED);
    assertEquals(expected.html(), actual.html(), where);
    assertEquals(expected.toc(), actual.toc(), where);
    assertEquals(expected.searchText(), actual.searchText(), where);
    assertEquals(expected.citations(), actual.citations(), where);
  }

  @Test
  void agreesWithTheSelectingVersionOnEveryPageOfTheRealSite() {
    BuildResult result =
        new Build(BuildOptions.defaults(Path.of(".")).withWrite(false).withVersion("test")).run();
    int bodies = 0;
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      if (!file.getKey().endsWith(".html")) {
        continue;
      }
      // the finished page's content and main element, processed again: headings with ids and
      // anchors, footnotes, tooltips, tables already wrapped, external links
      Element body = Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8)).body();
      List<Element> parts = new ArrayList<>(body.select("article.content, main"));
      // and the same without what the processor added, as the renderer gives it
      for (Element part : List.copyOf(parts)) {
        Element raw = part.clone();
        raw.select("a.heading-anchor").remove();
        raw.select("div.table-wrap").unwrap();
        raw.select("a.external").removeClass("external").removeAttr("rel");
        raw.select("a.cite-ref").removeAttr("id");
        parts.add(raw);
      }
      for (Element part : parts) {
        assertSame(part.html(), file.getKey());
        bodies++;
      }
    }
    assertTrue(bodies > 200, bodies + " bodies");
  }

  @Test
  void agreesWithTheSelectingVersionOnAwkwardMarkup() {
    List<String> bodies =
        List.of(
            "<h2 id=\"references\">R</h2><h2 id=\"references-1\">R1</h2><h3 id=\"x\">x</h3><h4 id=\"y\">y</h4><h5 id=\"x\">z</h5>",
            "<h3 id=\"early\">Before any h2</h3><h2 id=\"a\">A <code>code</code> <em>em</em></h2><h3 id=\"a\">dup</h3><p id=\"a-1\">p</p>",
            "<h2>No id</h2><h2 id=\"\">Empty id</h2><h6 id=\"six\">six</h6><h1 id=\"one\">one</h1>",
            "<p><a href=\"HTTP://UPPER.example/\">u</a> <a href=\"https://x/\">x</a> <a href=\"//y\">y</a> <a href=\" http://sp\">s</a>"
                + " <a href=\"mailto:m\">m</a> <a>none</a> <area href=\"http://area\"></p>",
            "<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table><div class=\"table-wrap\"><table></table></div>",
            "<div class=\"Table-Wrap\"><table><tr><td>1</td></tr></table></div><table class=\"t\" id=\"tbl\"></table>",
            "<h2 id=\"t\">Title &amp; <span class=\"cite\">[1]</span>&nbsp;</h2><sup class=\"footnote-ref\" id=\"t-1\"><a>1</a></sup>",
            "<p><a class=\"cite-ref\" href=\"#ref-2\">2</a><a class=\"cite-ref\" href=\"#ref-1\">1</a>"
                + "<a class=\"cite-ref\" href=\"#ref-2\">2</a><a class=\"cite-ref\" href=\"#ref-x\">x</a>"
                + "<a class=\"cite-ref\" href=\"#ref-3\" id=\"own\">3</a><a class=\"cite-ref\" href=\"#ref-1234567\">big</a></p>"
                + "<h2 id=\"cite-1-1\">Taken</h2>",
            "");
    for (String body : bodies) {
      assertSame(body, body);
    }
  }
}
