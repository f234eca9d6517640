package org.fieldguide.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The link checker: its scheme test without a regular expression, and its two ways of checking a
 * build.
 */
class SiteLinkCheckerTest {
  /** What checking every page of {@code links} against {@code files} reports. */
  private static java.util.List<org.fieldguide.diag.Diagnostic> check(
      java.util.Map<String, SiteLinkChecker.PageLinks> links, java.util.Set<String> files) {
    java.util.SortedMap<String, java.util.List<SiteLinkChecker.Problem>> problems =
        new java.util.TreeMap<>();
    links.forEach(
        (page, pageLinks) ->
            problems.put(
                page,
                SiteLinkChecker.check(
                        page,
                        pageLinks,
                        files,
                        file ->
                            SiteLinkChecker.ids(
                                links.containsKey(file) ? links.get(file).ids() : null))
                    .problems()));
    org.fieldguide.diag.Diagnostics found = new org.fieldguide.diag.Diagnostics();
    SiteLinkChecker.report(problems, page -> "content/" + page, found);
    return found.all();
  }

  @Test
  void theSchemeTestAgreesWithTheRegularExpression() {
    List<String> values =
        List.of(
            "",
            "http://x",
            "https:",
            "mailto:a@b",
            "HTTP:X",
            "a+b.c-d:rest",
            "1http:x",
            ":x",
            "-a:x",
            "a",
            "a/b:c",
            "../x:y",
            "#frag",
            "x:\n",
            "x:a\rb",
            "x:\u0085",
            "x:\u2028",
            "x:\u2029",
            "x:\t",
            "ab:cd:ef",
            "é:x",
            "data:text/plain,a b",
            "a_b:c",
            "a:b\r\n");
    for (String value : values) {
      assertEquals(Addresses.SCHEME.matcher(value).matches(), Addresses.hasScheme(value), value);
    }
    String alphabet = "aZ09+.-_:/#?\n\r\u0085\u2028\u2029 é";
    Random random = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String v = value.toString();
      assertEquals(Addresses.SCHEME.matcher(v).matches(), Addresses.hasScheme(v), v);
    }
  }

  /**
   * A checker for one build checks each link as its page is scanned and keeps only the doubtful
   * ones; on random pages and links it must report exactly what a checker that keeps every link
   * reports, in the same order.
   */
  @Test
  void aCheckerForOneBuildReportsWhatAKeptCheckerReports() {
    // Several pages at each depth, in different folders.
    String[] pages = {
      "index.html",
      "a/index.html",
      "b/c/index.html",
      "x.html",
      "404.html",
      "d/index.html",
      "e/f/index.html",
      "e/g.html",
      "b/h/index.html"
    };
    String[] values = {
      "../b/c/",
      "../b/c/#two",
      "#one",
      "#zz",
      "missing/",
      "x.html#one",
      "x.html#zz",
      "https://e.org/#x",
      "../../../up",
      "b/c",
      "../a",
      "./",
      "",
      "//cdn.example/x.js",
      "style.css",
      "style.css#x",
      "../index.html#three",
      "a/#one",
      "a/#nope",
      "%zz",
      "b/c/index.html#two",
      "../",
      "../../",
      "mailto:x@y.z",
      "?q=1",
      "#",
      "../../b/c/",
      "../../x.html",
      "../../style.css",
      "../../nope/",
      "../../../../up",
      "../d/",
      "../../a/index.html",
      "../../%zz",
      "../../a/?q",
      "../../index.html",
      "../../e/g.html",
      "../e/f",
      "../../d",
      "../../b/c/#two"
    };
    String[] ids = {"one", "two", "three"};
    java.util.Random random = new java.util.Random(5);
    java.util.Set<String> files = new java.util.HashSet<>(java.util.List.of(pages));
    files.add("style.css");
    for (int round = 0; round < 300; round++) {
      SiteLinkChecker kept = new SiteLinkChecker();
      SiteLinkChecker oneOff = SiteLinkChecker.forOneBuild();
      oneOff.expect(() -> files);
      java.util.Map<String, SiteLinkChecker.PageLinks> keptLinks = new java.util.TreeMap<>();
      java.util.Map<String, SiteLinkChecker.PageLinks> oneOffLinks = new java.util.TreeMap<>();
      for (String page : pages) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (String id : ids) {
          if (random.nextBoolean()) {
            html.append("<h2 id=\"").append(id).append("\">h</h2>");
          }
        }
        boolean inContent = false;
        for (int i = random.nextInt(8); i > 0; i--) {
          if (random.nextInt(4) == 0) {
            html.append(inContent ? "</article>" : "<article class=\"content\">");
            inContent = !inContent;
          }
          String value = values[random.nextInt(values.length)];
          html.append(random.nextBoolean() ? "<a href=\"" : "<img src=\"")
              .append(value)
              .append("\">");
        }
        String text = html.append("</body></html>").toString();
        keptLinks.put(page, kept.scanPage(page, text.toCharArray(), text.length()));
        char[] padded = (text + "<a href=\"missing-past-the-end/\">").toCharArray();
        oneOffLinks.put(page, oneOff.scanPage(page, padded, text.length()));
      }
      assertEquals(check(keptLinks, files), check(oneOffLinks, files), "round " + round);
    }
  }
}
