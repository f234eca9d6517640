package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FAQ question's text and its answer's plain text, wherever they appear: the FAQPage JSON-LD, the
 * page's own list of questions, /faq/ and the search index.
 */
class FaqQuestionsTest {
  @TempDir Path dir;

  private BuildResult result;

  private static final String SITE =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome to [[basics]].
      -- content/glossary/induction-head.md --
      ---
      term: Induction head
      short: An attention head that continues a pattern.
      kind: mechanistic
      ---
      Body.
      -- content/faq/basics.md --
      ---
      title: Basics
      description: Questions.
      ---
      ## What does `fieldguide check` do?

      It lists every problem, such as a misspelt induction head.

      It writes *nothing*.

      ## Is **this** the second one?

      Yes.
      """;

  @BeforeEach
  void build() throws IOException {
    result = Fixture.create(dir, SITE).check();
    assertEquals(List.of(), Fixture.lines(result));
  }

  private Document page(String path) {
    Document doc = Jsoup.parse(new String(result.files().get(path), StandardCharsets.UTF_8));
    doc.outputSettings().prettyPrint(false);
    return doc;
  }

  @Test
  void theJsonLdHoldsTheWholeQuestionAndTheAnswerWithoutTooltips() {
    assertEquals(
        "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"mainEntity\":["
            + "{\"@type\":\"Question\",\"name\":\"What does fieldguide check do?\",\"acceptedAnswer\":{\"@type\":\"Answer\","
            + "\"text\":\"It lists every problem, such as a misspelt induction head. It writes nothing.\"}},"
            + "{\"@type\":\"Question\",\"name\":\"Is this the second one?\",\"acceptedAnswer\":{\"@type\":\"Answer\","
            + "\"text\":\"Yes.\"}}]}",
        page("faq/basics/index.html").selectFirst("script[type=application/ld+json]").data());
  }

  @Test
  void thePageAndTheFaqIndexListTheWholeQuestions() {
    assertEquals(
        "<ol><li><a href=\"#what-does-fieldguide-check-do\">What does fieldguide check do?</a></li>"
            + "<li><a href=\"#is-this-the-second-one\">Is this the second one?</a></li></ol>",
        page("faq/basics/index.html").selectFirst("nav.faq-questions ol").outerHtml());
    assertEquals(
        "<ul><li><a href=\"../faq/basics/#what-does-fieldguide-check-do\">What does fieldguide check do?</a></li>"
            + "<li><a href=\"../faq/basics/#is-this-the-second-one\">Is this the second one?</a></li></ul>",
        page("faq/index.html").selectFirst("section.faq-group ul").outerHtml());
  }

  @Test
  void theSearchIndexHoldsEachQuestionAsASectionWithItsPlainAnswer() {
    String json = new String(result.files().get("search-index.json"), StandardCharsets.UTF_8);
    String head = json.substring(0, json.indexOf('\n'));
    assertTrue(
        head.contains(
            "{\"u\":\"faq/basics/\",\"t\":\"Basics\",\"k\":\"faq\",\"d\":\"Questions.\","
                + "\"s\":[[\"\",\"\",-1],[\"what-does-fieldguide-check-do\",\"What does fieldguide check do?\",-1],"
                + "[\"is-this-the-second-one\",\"Is this the second one?\",-1]]}"),
        head);
    assertTrue(
        json.contains(
            "[\"\",\"It lists every problem, such as a misspelt induction head. It writes nothing.\",\"Yes.\"]"),
        json);
  }
}
