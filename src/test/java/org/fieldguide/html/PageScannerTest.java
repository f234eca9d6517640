package org.fieldguide.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The link checker's one-pass scanner against what a full Jsoup parse says of the same page: the
 * same ids, and the same links in the same order, each placed in the content or the chrome alike.
 */
class PageScannerTest {

  /**
   * The reference: what the checker computed from a Jsoup DOM before it had a scanner of its own.
   */
  static SiteLinkChecker.PageLinks withJsoup(String html) {
    Document doc = Jsoup.parse(html);
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) {
      ids.add(e.id());
    }
    for (Element e : doc.select("a[name]")) {
      ids.add(e.attr("name"));
    }
    List<SiteLinkChecker.Ref> refs = new ArrayList<>();
    for (Element e : doc.select("[href], [src]")) {
      if (e.tagName().equals("link") && e.attr("rel").equals("canonical")) {
        continue;
      }
      String attr = e.hasAttr("href") ? "href" : "src";
      refs.add(
          new SiteLinkChecker.Ref(
              e.tagName(), attr, e.attr(attr), e.closest("article.content") != null));
    }
    return new SiteLinkChecker.PageLinks(ids, refs);
  }

  @Test
  void agreesWithJsoupOnEveryPageOfTheRealSite() {
    BuildResult result =
        new Build(BuildOptions.defaults(Path.of(".")).withWrite(false).withVersion("test")).run();
    int pages = 0;
    int refs = 0;
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      if (!file.getKey().endsWith(".html")) {
        continue;
      }
      String html = new String(file.getValue(), StandardCharsets.UTF_8);
      SiteLinkChecker.PageLinks expected = withJsoup(html);
      SiteLinkChecker.PageLinks actual = PageScanner.scan(html.toCharArray(), html.length());
      assertEquals(expected.ids(), actual.ids(), file.getKey());
      assertEquals(expected.refs(), actual.refs(), file.getKey());
      assertEquals(AttributeMapPageScanner.scan(html), actual, file.getKey());
      pages++;
      refs += actual.refs().size();
    }
    assertTrue(pages > 100 && refs > 5_000, pages + " pages, " + refs + " links");
  }

  @Test
  void agreesWithJsoupOnAwkwardMarkup() {
    List<String> pages =
        List.of(
            "<!doctype html><html><body><!-- <a href=\"x\"> --><a href='single' id=a1>s</a><a href=bare>b</a></body></html>",
            "<p>text with id=\"fake\" and href=\"fake\" outside tags &lt;a href=\"no\"&gt;</p>",
            "<script type=\"application/ld+json\">{\"a\":\"<a href='in-script'>\"}</script><a HREF=\"Upper\" ID=\"Up\">u</a>",
            "<article class=\"x content y\"><a href=\"in\">i</a><article><a href=\"nested\">n</a></article>"
                + "<a href=\"still-in\">s</a></article><a href=\"out\">o</a>",
            "<a href=\"q?a=1&amp;b=2&quot;\" href=\"second\">dup</a><a name=\"anchor\">n</a><img src=\"i.png\" alt=\"\">",
            "<svg><title>t <a href=\"not-a-link\"></title><a href=\"svg-link\"><text>x</text></a></svg>",
            "<link rel=\"canonical\" href=\"https://example.org/\"><link rel=\"stylesheet\" href=\"s.css\">",
            "<svg viewBox=\"0 0 1 1\"/><title>raw <a href=\"raw\"></title><math><mi>x</mi></math><a href=\"after\">a</a>",
            "<a href=\"a\"/><area href=\"map\"><a id=\"\" href=\"\">empty</a><a data-x=\"1>2\" href=\"gt-in-value\">g</a>");
    for (String html : pages) {
      SiteLinkChecker.PageLinks expected = withJsoup(html);
      SiteLinkChecker.PageLinks actual = PageScanner.scan(html.toCharArray(), html.length());
      assertEquals(expected.ids(), actual.ids(), html);
      assertEquals(expected.refs(), actual.refs(), html);
    }
  }

  @Test
  void agreesWithTheAttributeMapVersionOnRandomMarkup() {
    String[] pieces = {
      "<a href=\"x\">",
      "<A HREF='y' ID=z>",
      "<a name=n href=\"#f\" href=\"second\">",
      "</a>",
      "<img src=i.png>",
      "<img SRC = \"s&amp;t\" src=\"dup\">",
      "<article class=\"content\">",
      "<article class='x CONTENT'>",
      "<article class=\"a&#32;content\">",
      "</article>",
      "</ARTICLE >",
      "<svg>",
      "<svg/>",
      "</svg>",
      "<math>",
      "</math>",
      "<title>",
      "</title>",
      "<script>",
      "</script>",
      "<style>",
      "</style>",
      "<textarea>",
      "</textarea>",
      "<link rel=canonical href=c>",
      "<link rel=\"Canonical\" href=c2>",
      "<link href=s.css rel=stylesheet>",
      "<!-- <a href=in-comment> -->",
      "<!doctype html>",
      "<?xml?>",
      "<p id=\"\">",
      "<p id>",
      "<p =id=\"eq\">",
      "<div data-x=\"1>2\" id=\"gt\">",
      "<span id=\"&lt;&amp;&quot;\" name=\"nm\">",
      "<a/href=slash>",
      "text ",
      "&amp; ",
      "< a href=space>",
      "<a href=\"unterminated",
      "<a href",
      "<a id='q\"uote'>",
      "<iD=x>",
      "<lInk REL=canonical href=u>",
      "<a hreF=\"\u0130d\">",
      "<a \u0130d=dotted>",
      "<a \u017frc=long-s>",
      "\n",
      "\t",
      "<",
      "<a\u2028href=ls>",
      "<a\u001chref=fs id=\u000bvt>",
      "<a href=z\u3000id=w>",
      "<p\u0085id=nel>",
      "<p\u00a0id=nb>",
      "</\u017fcript>",
      "</SCR\u0130PT>",
      "</scrIpt>",
      "</\u212aitle>",
      "-->",
      "<!-- a -- b ->",
      "--",
    };
    java.util.Random random = new java.util.Random(12);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder html = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      String page = html.toString();
      assertEquals(
          AttributeMapPageScanner.scan(page),
          PageScanner.scan(page.toCharArray(), page.length()),
          page);
      // The build hands the scanner its writer's array, which goes on past the page.
      char[] padded =
          (page + "<a href=\"past-the-end\" id=\"past\">--></script></title></style>")
              .toCharArray();
      assertEquals(
          PageScanner.scan(page.toCharArray(), page.length()),
          PageScanner.scan(padded, page.length()),
          page);
    }
  }
}
