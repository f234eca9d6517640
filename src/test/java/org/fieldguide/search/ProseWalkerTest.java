package org.fieldguide.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The one-pass search text against {@link DroppingSearchText}, the drop-then-{@code text()} version
 * it replaced: the same string for every page and every element of the real site, for awkward
 * markup, and for thousands of random fragments.
 */
class ProseWalkerTest {

  /** Every way in which the fast path reads an element, compared with the slow one. */
  private static void assertSameEverywhere(Element root, String where) {
    for (Element e : root.getAllElements()) {
      assertEquals(
          e.is(SearchText.DROP),
          ProseWalker.dropOf(e) != ProseWalker.Drop.KEEP,
          where + ": " + e.cssSelector());
      assertEquals(
          e.is(SearchText.DROP_INLINE),
          ProseWalker.dropOf(e) == ProseWalker.Drop.INLINE,
          where + ": " + e.cssSelector());
      assertEquals(DroppingSearchText.of(e), SearchText.of(e), where + ": " + e.cssSelector());
    }
    String html = root.html();
    assertEquals(DroppingSearchText.fromHtml(html), SearchText.fromHtml(html), where);
    assertEquals(
        DroppingSearchText.ofDiscarding(root.clone()), SearchText.ofDiscarding(root), where);
  }

  @Test
  void agreesWithTheDroppingVersionOnEveryPageOfTheRealSite() {
    BuildResult result =
        new Build(BuildOptions.defaults(Path.of(".")).withWrite(false).withVersion("test")).run();
    int pages = 0;
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      if (!file.getKey().endsWith(".html")) {
        continue;
      }
      Document doc = Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8));
      assertSameEverywhere(doc.body(), file.getKey());
      pages++;
    }
    assertTrue(pages > 100, pages + " pages");
  }

  @Test
  void agreesWithTheDroppingVersionOnAwkwardMarkup() {
    List<String> fragments =
        List.of(
            "<p>Nested <span class=\"term-tip\">tip <span class=\"cite\">[<a class=\"cite-ref\">1</a>]</span> end</span>.</p>",
            "<p>a <span class=\"cite\">[1]</span> <sup class=\"footnote-ref\"><a>2</a></sup>. b <span class=\"cite\">[3]</span>"
                + "<span class=\"cite\">[4]</span>, c<span class=\"cite\">[5]</span> ;d</p>",
            "<p>x <svg><title>t</title></svg> <math><mi>y</mi></math> ) and <svg></svg>] and <svg></svg> ]</p>",
            "<p>&nbsp;&nbsp;no&nbsp;break&#160;spaces&nbsp;<span class=\"cite\">[1]</span>&nbsp;.</p>",
            "<p>zero&#8203;width soft&shy;hyphen &amp; &lt;tag&gt; &quot;q&quot; \uE000 literal gap \uE000.</p>",
            "<pre><code>keep   these\n  spaces&#8203; and&shy;this\u00a0</code></pre><p>after</p>",
            "<p>Use <code>fieldguide  check</code><span class=\"term-tip\">t</span>: then <code>x</code>.</p>",
            "<div>One</div>Two<div>Three</div><script>x</script>Four<div>Five</div><nav class=\"toc\">toc</nav><b>Six</b>",
            "<div>a</div><!-- c -->b<div>c</div><svg></svg>d<section class=\"references\"><p>r</p></section>e",
            "<ul><li>one<li>two<br>three</ul><table><tr><td>1<td>2</table><p>\u2028line\u3000sep\u0085nel</p>",
            "<h2 id=\"a\">Title<a class=\"heading-anchor\" href=\"#a\">#</a></h2><h3>Sub <a class=\"footnote-backref\">↩</a></h3>",
            "<p>\u0001control\u0002 chars <span class=\"cite\">[1]</span>\u0001.</p>\u0001",
            "<span class=\"CITE\">[upper]</span>. <SPAN class=\"Term-Tip x\">upper tip</SPAN>, <div class=\"chart-hint\">hint</div>z",
            "<template><p>inside</p></template><noscript>ns</noscript><style>p{}</style><p>kept</p>",
            "<pre>a<span>b <span>c <span>d <span>e <span>f <span>g   h</span></span></span></span></span></span></pre>",
            "<div><span><div>deep</div></span>tail</div><p><span class=\"cite\">[1]</span></p><p>.start</p>",
            "<p>emoji 😀 <span class=\"cite\">[1]</span>?  tab\tand\nnewline</p><textarea>  raw  text </textarea>",
            "");
    for (String fragment : fragments) {
      assertSameEverywhere(Jsoup.parseBodyFragment(fragment).body(), fragment);
    }
  }

  @Test
  void agreesWithTheDroppingVersionOnRandomFragments() {
    String[] pieces = {
      "word",
      "Two words",
      " ",
      "  ",
      "\n",
      "\t",
      "&nbsp;",
      "\u00a0",
      "&#8203;",
      "&shy;",
      "&amp;",
      "\uE000",
      ".",
      ",",
      ";",
      ":",
      "!",
      "?",
      ")",
      "]",
      "(",
      "[",
      "-",
      "\u2028",
      "\u3000",
      "é",
      "😀",
      "\u0001",
      "<span class=\"cite\">[1]</span>",
      "<sup class=\"footnote-ref\"><a href=\"#f\">1</a></sup>",
      "<a class=\"cite-ref\">2</a>",
      "<span class=\"term-tip\">tip <b>bold</b></span>",
      "<svg><title>s</title></svg>",
      "<math><mi>m</mi></math>",
      "<a class=\"heading-anchor\">#</a>",
      "<a class=\"footnote-backref\">↩</a>",
      "<script>s</script>",
      "<style>x</style>",
      "<nav class=\"toc\"><p>t</p></nav>",
      "<div class=\"chart-hint\">h</div>",
      "<section class=\"references\"><p>r</p></section>",
      "<br>",
      "<!-- c -->",
      "<code>c  d</code>",
    };
    String[] open = {
      "<p>",
      "<div>",
      "<span>",
      "<pre>",
      "<li>",
      "<em>",
      "<h2>",
      "<td>",
      "<span class=\"term-tip\">",
      "<code>"
    };
    String[] close = {
      "</p>", "</div>", "</span>", "</pre>", "</li>", "</em>", "</h2>", "</td>", "</span>",
      "</code>"
    };
    Random random = new Random(9);
    for (int n = 0; n < 3_000; n++) {
      StringBuilder html = new StringBuilder();
      java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
      int length = 1 + random.nextInt(30);
      for (int i = 0; i < length; i++) {
        int r = random.nextInt(10);
        if (r < 2) {
          int t = random.nextInt(open.length);
          html.append(open[t]);
          stack.push(t);
        } else if (r < 3 && !stack.isEmpty()) {
          html.append(close[stack.pop()]);
        } else {
          html.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      String fragment = html.toString();
      assertSameEverywhere(Jsoup.parseBodyFragment(fragment).body(), fragment);
    }
  }
}
