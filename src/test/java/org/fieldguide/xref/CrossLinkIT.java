package org.fieldguide.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.build.BuildResult;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link layer end to end: every kind of link renders right, every kind of broken link is reported. */
class CrossLinkIT {
  @TempDir
  Path dir;

  static final String SITE = Fixture.SITE_YAML + """
      -- content/data/sources.yaml --
      ouyang2022:
        authors: [Long Ouyang, Jeff Wu, et al.]
        title: Training language models to follow instructions with human feedback
        year: 2022
        venue: NeurIPS 2022
        arxiv: "2203.02155"
      gao2022:
        authors: [Leo Gao, John Schulman, Jacob Hilton]
        title: Scaling Laws for Reward Model Overoptimization
        year: 2022
        url: https://arxiv.org/abs/2210.10760
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Read [[rlhf|the RLHF page]] and [[Goodhart]].
      -- content/methods/rlhf.md --
      ---
      title: RLHF explained
      description: The method.
      ---
      ## The reward model

      A reward model scores outputs [@ouyang2022, p. 8]. Another reward model mention stays plain.
      Pushing too hard overoptimizes [@gao2022; @ouyang2022].

      `reward model` in code is not linked. See [[goodhart#in-practice]] and [the same](goodhart.md#in-practice).
      -- content/methods/goodhart.md --
      ---
      title: Goodhart
      description: Measures and targets.
      ---
      ## In practice

      Back to [RLHF](rlhf.md).
      -- content/glossary/reward-model.md --
      ---
      term: Reward model
      short: A model that scores outputs the way human raters would.
      kind: n/a
      aliases: [RM, preference model]
      ---
      Trained on comparisons; see [[rlhf]].
      """;

  @Test
  void everyLinkKindRendersAsARelativeLink() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    BuildResult result = fixture.build();
    assertEquals(List.of(), Fixture.lines(result));
    Document home = Jsoup.parse(fixture.read("site/index.html"));
    assertEquals("./methods/rlhf/", home.selectFirst("article a:contains(the RLHF page)").attr("href"));
    assertEquals("./methods/goodhart/", home.selectFirst("article a:contains(Goodhart)").attr("href"));

    Document rlhf = Jsoup.parse(fixture.read("site/methods/rlhf/index.html"));
    Element termLink = rlhf.selectFirst("a.term-link");
    assertEquals("../../glossary/reward-model/", termLink.attr("href"));
    assertEquals("reward model", termLink.text());
    assertEquals("tip-reward-model", termLink.attr("aria-describedby"));
    Element tip = rlhf.getElementById("tip-reward-model");
    assertEquals("tooltip", tip.attr("role"));
    assertEquals("A model that scores outputs the way human raters would.", tip.text());
    assertEquals(1, rlhf.select("a.term-link").size(), "only the first mention is linked");
    assertTrue(rlhf.select("code a").isEmpty(), "nothing linked inside code");
    assertTrue(rlhf.select("h2 a.term-link").isEmpty(), "nothing linked inside headings");

    assertEquals(List.of("1", "2", "1"), rlhf.select("a.cite-ref").eachText());
    assertEquals("#ref-1", rlhf.selectFirst("a.cite-ref").attr("href"));
    assertTrue(rlhf.selectFirst("span.cite").text().contains("1, p. 8"));
    Element refs = rlhf.getElementById("references");
    assertTrue(refs != null, "References section");
    assertTrue(rlhf.getElementById("ref-1").text().contains("Training language models to follow instructions"));
    assertEquals("https://arxiv.org/abs/2203.02155", rlhf.getElementById("ref-1").selectFirst("a").attr("href"));
    assertEquals("../../methods/goodhart/#in-practice", rlhf.selectFirst("article a:contains(the same)").attr("href"));

    Document goodhart = Jsoup.parse(fixture.read("site/methods/goodhart/index.html"));
    assertEquals(List.of("Home", "RLHF explained"), goodhart.select("section.backlinks li").eachText());
    Document term = Jsoup.parse(fixture.read("site/glossary/reward-model/index.html"));
    assertEquals(List.of("RLHF explained"), term.select("section.backlinks li").eachText());
    assertTrue(term.select("a.term-link").isEmpty(), "a term never links to itself");

    Document references = Jsoup.parse(fixture.read("site/references/index.html"));
    assertTrue(references.getElementById("src-gao2022").text().contains("Cited in: RLHF explained"));
  }

  @Test
  void wikiLinksMatchAliasesAndPluralsIgnoringCase() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE + """
        -- content/methods/more.md --
        ---
        title: More
        description: More links.
        autolink: false
        ---
        [[reward models]], [[rm]] and [[Preference Models|preference]] all reach the term; linked from [[home]].
        """);
    fixture.write("-- content/index.md --\n---\ntitle: Home\ndescription: The home page.\n---\n"
        + "Read [[rlhf|the RLHF page]], [[Goodhart]] and [[more]].\n");
    BuildResult result = fixture.build();
    assertEquals(List.of(), Fixture.lines(result));
    Document more = Jsoup.parse(fixture.read("site/methods/more/index.html"));
    assertEquals(List.of("../../glossary/reward-model/", "../../glossary/reward-model/", "../../glossary/reward-model/"),
        more.select("article p a").eachAttr("href").subList(0, 3));
    assertTrue(more.select("a.term-link").isEmpty(), "autolink: false turns automatic links off");
  }

  @Test
  void brokenLinksOfEveryKindAreReportedWithPositions() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE + """
        -- content/methods/broken.md --
        ---
        title: Broken
        description: Broken links.
        ---
        [[rlhf-typo]] and [[goodhart#nowhere]] and [@ouyang2021].

        [gone](gone.md) and <script>alert(1)</script> and [x](javascript:alert(1)).

        Linked from nothing but [[home]].
        -- content/glossary/rm2.md --
        ---
        term: RM
        short: A duplicate alias.
        kind: behavioral
        see_also: [reward-modle]
        ---
        Body.
        """);
    List<String> lines = Fixture.lines(fixture.check());
    List<String> expectedStarts = List.of(
        "content/glossary/reward-model.md:2:1: error: 'RM' names both this term and 'RM'",
        "content/glossary/rm2.md:2:1: error: 'RM' names both this term and 'Reward model'",
        "content/glossary/rm2.md:5:12: error: see_also names unknown term 'reward-modle' (closest: 'reward-model')",
        "content/methods/broken.md:1:1: warning: no page links to this one",
        "content/methods/broken.md:5:1: error: unknown wiki-link target 'rlhf-typo' (closest: 'rlhf')",
        "content/methods/broken.md:5:19: error: unknown fragment '#nowhere' on content/methods/goodhart.md",
        "content/methods/broken.md:5:44: error: unknown citation key 'ouyang2021' (closest: 'ouyang2022')",
        "content/methods/broken.md:7:1: error: link to 'gone.md', which is not a content file",
        "content/methods/broken.md:7:21: error: raw HTML may not contain <script>",
        "content/methods/broken.md:7:51: error: links may not run script");
    for (String start : expectedStarts) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(start)), "missing: " + start + "\n" + String.join("\n", lines));
    }
  }

  @Test
  void ambiguousWikiLinkListsTheCandidates() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE + """
        -- content/other/goodhart.md --
        ---
        title: Goodhart again
        description: A second page with the same slug.
        ---
        Linked from [[home]] and [[methods/goodhart]].
        """);
    List<String> lines = Fixture.lines(fixture.check());
    assertTrue(lines.contains("content/index.md:5:33: error: wiki link 'Goodhart' is ambiguous: it could mean"
        + " 'methods/goodhart' (content/methods/goodhart.md), 'other/goodhart' (content/other/goodhart.md);"
        + " write the full id, e.g. [[methods/goodhart]]"), String.join("\n", lines));
  }

  @Test
  void strictTurnsTheOrphanWarningIntoAFailure() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE + """
        -- content/methods/lonely.md --
        ---
        title: Lonely
        description: Nothing links here.
        ---
        Alone.
        """);
    BuildResult result = fixture.check();
    assertFalse(result.failed(false));
    assertTrue(result.failed(true));
    assertEquals(1, fixture.cli("check", "--strict").status());
  }
}
