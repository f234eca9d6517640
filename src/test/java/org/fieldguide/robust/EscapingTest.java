package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text field a contributor controls (title, description, term, alias, short, FAQ question,
 * and a source's title, authors, venue and note) holds script-like text, and is shown as text
 * everywhere it appears: the HTML body and head, attributes, JSON-LD, the search index and the
 * sitemap. Each output is parsed (Jsoup, a strict JSON parser) rather than searched as a string.
 */
class EscapingTest {
  /**
   * What each field holds: script tags, quotes of both kinds, a CDATA end, a Mustache tag, a script
   * address.
   */
  static final String EVIL =
      "<script>alert(1)</script> \" ' </script> ]]> {{x}} javascript:alert(1)";

  /** A glossary short may not hold links, so it gets the rest. */
  static final String SHORT =
      "Short <script>alert(2)</script> \" </script> ]]> {{y}} javascript:alert(2).";

  /** A FAQ question is a Markdown heading: the angle brackets are written escaped. */
  static final String QUESTION =
      "Is <script>alert(3)</script> \" ]]> {{z}} javascript:alert(3) safe?";

  @TempDir static Path dir;
  static BuildResult result;

  @BeforeAll
  static void build() throws IOException {
    String yamlEvil = "'" + EVIL.replace("'", "''") + "'";
    result =
        Fixture.create(
                dir,
                """
        -- content/site.yaml --
        title: Test Guide
        description: A guide used by the tests.
        base_url: https://example.org/guide/
        repository: https://github.com/example/guide
        language: en
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        ---
        See [[guide/evil]] and the [[faq/questions]].
        -- content/guide/index.md --
        ---
        title: Guide
        description: The guide.
        ---
        Guide.
        -- content/guide/evil.md --
        ---
        title: TITLE
        description: TITLE
        ---
        An evil term is mentioned here, and cited [@evil2024].

        ```table data=evil
        ```
        -- content/data/evil.yaml --
        caption: TITLE
        columns:
          - {key: name, label: TITLE}
        rows:
          - {name: '\\<script>alert(4)\\</script>'}
        -- content/glossary/evil-term.md --
        ---
        term: TITLE
        short: 'SHORT'
        kind: behavioral
        aliases: [TITLE, evil term]
        sources: [evil2024]
        ---
        The term's body.
        -- content/faq/questions.md --
        ---
        title: Questions
        description: Hostile questions.
        ---
        ## QUESTION

        An answer.
        -- content/data/sources.yaml --
        evil2024:
          authors: [TITLE, Second Author]
          title: TITLE
          year: 2024
          venue: TITLE
          note: TITLE
          url: https://example.org/paper
        """
                    .replace("TITLE", yamlEvil)
                    .replace("'SHORT'", "'" + SHORT.replace("'", "''") + "'")
                    .replace("QUESTION", QUESTION.replace("<", "\\<")))
            .build();
  }

  @Test
  void theHostileSiteBuilds() {
    assertTrue(result.written(), Hostile.lines(result));
  }

  @Test
  void noPageHasAScriptOfTheContributors() {
    for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
      if (file.getKey().endsWith(".html")) {
        Hostile.assertOnlyTemplateScripts(text(file.getKey()));
      }
    }
  }

  @Test
  void titleAndDescriptionAreTextInTheBodyAndInAttributes() {
    Document page = html("guide/evil/index.html");
    assertEquals(EVIL, page.selectFirst("main h1").text());
    assertTrue(page.title().startsWith(EVIL), page.title());
    assertEquals(EVIL, page.selectFirst("meta[name=description]").attr("content"));
    assertEquals(EVIL, page.selectFirst("meta[property=og:description]").attr("content"));
    assertTrue(page.selectFirst("meta[property=og:title]").attr("content").startsWith(EVIL));
    Element navLink =
        html("guide/index.html").select("nav a").stream()
            .filter(a -> a.text().equals(EVIL))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the page's title is missing from the navigation"));
    assertTrue(navLink.attr("href").endsWith("guide/evil/"), navLink.attr("href"));
  }

  @Test
  void termAliasAndShortAreTextOnTheGlossaryAndInTooltips() {
    Document glossary = html("glossary/index.html");
    String text = glossary.selectFirst("main").text();
    assertTrue(text.contains(EVIL), text);
    assertTrue(text.contains(SHORT), text);
    Document page = html("guide/evil/index.html");
    Element tip = page.selectFirst(".term-tip");
    assertEquals(SHORT, tip.text(), "the automatic term link's tooltip");
  }

  @Test
  void sourceFieldsAreTextOnTheReferencesPage() {
    String text = html("references/index.html").selectFirst("main").text();
    assertTrue(text.contains(EVIL + " and Second Author"), text);
    assertTrue(
        text.split(java.util.regex.Pattern.quote(EVIL), -1).length >= 4,
        "title, venue and note: " + text);
  }

  @Test
  void dataTableCaptionLabelAndCellAreText() {
    Element wrap = html("guide/evil/index.html").selectFirst("div.table-wrap");
    assertEquals(EVIL, wrap.attr("aria-label"));
    assertEquals(EVIL, wrap.selectFirst("caption").text());
    assertEquals(EVIL, wrap.selectFirst("th[scope=col]").text());
    assertEquals("<script>alert(4)</script>", wrap.selectFirst("tbody th").text());
  }

  @Test
  void faqQuestionIsTextInTheBodyAndTheFaqIndex() {
    assertTrue(
        html("faq/questions/index.html").select("main h2").stream()
            .anyMatch(h -> h.ownText().strip().equals(QUESTION)),
        "the question's heading");
    assertTrue(html("faq/index.html").selectFirst("main").text().contains(QUESTION));
  }

  @Test
  void jsonLdIsValidJsonThatCannotCloseItsScriptAndRoundTrips() {
    assertJsonLdHolds("guide/evil/index.html", EVIL);
    assertJsonLdHolds("glossary/evil-term/index.html", EVIL, SHORT);
    assertJsonLdHolds("glossary/index.html", EVIL, SHORT);
    assertJsonLdHolds("faq/questions/index.html", QUESTION);
  }

  @Test
  void searchIndexIsValidJsonWithoutMarkupAndRoundTrips() {
    String raw = text("search-index.json");
    assertFalse(
        raw.contains("<") || raw.contains(">"), "angle brackets are written as \\u escapes");
    List<String> strings = StrictJson.strings(StrictJson.parse(raw));
    assertTrue(strings.contains(EVIL), "the page title and the term's name");
    assertTrue(strings.contains(QUESTION), "the FAQ question");
  }

  @Test
  void sitemapIsWellFormedXmlOfAddressesOnly() {
    Document xml = Jsoup.parse(text("sitemap.xml"), "", Parser.xmlParser());
    assertTrue(xml.select("script").isEmpty());
    for (Element loc : xml.select("url > loc")) {
      assertTrue(loc.text().matches("https://example\\.org/guide/[a-z0-9/_-]*"), loc.text());
    }
    assertTrue(xml.select("url > loc").size() >= 6);
  }

  private static void assertJsonLdHolds(String page, String... texts) {
    Element script = html(page).selectFirst("script[type=application/ld+json]");
    assertTrue(script != null, "no JSON-LD on " + page);
    String json = script.data();
    String lower = json.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("</script") || lower.contains("<!--") || json.contains("]]>"), json);
    List<String> strings = StrictJson.strings(StrictJson.parse(json));
    for (String t : texts) {
      assertTrue(strings.contains(t), page + " JSON-LD lacks " + t + ": " + strings);
    }
  }

  private static Document html(String path) {
    return Jsoup.parse(text(path));
  }

  private static String text(String path) {
    byte[] bytes = result.files().get(path);
    assertTrue(bytes != null, "the build wrote no " + path + ": " + result.files().keySet());
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
