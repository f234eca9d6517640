package org.fieldguide.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link layer end to end: every kind of link renders right, every kind of broken link is
 * reported.
 */
class CrossLinkIT {
  @TempDir Path dir;

  static final String SITE =
      Fixture.SITE_YAML
          + """
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
    assertEquals(
        "./methods/rlhf/", home.selectFirst("article a:contains(the RLHF page)").attr("href"));
    assertEquals(
        "./methods/goodhart/", home.selectFirst("article a:contains(Goodhart)").attr("href"));

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
    assertTrue(
        rlhf.getElementById("ref-1")
            .text()
            .contains("Training language models to follow instructions"));
    assertEquals(
        "https://arxiv.org/abs/2203.02155",
        rlhf.getElementById("ref-1").selectFirst("a").attr("href"));
    assertEquals(
        "../../methods/goodhart/#in-practice",
        rlhf.selectFirst("article a:contains(the same)").attr("href"));

    Document goodhart = Jsoup.parse(fixture.read("site/methods/goodhart/index.html"));
    assertEquals(
        List.of("Home", "RLHF explained"), goodhart.select("section.backlinks li").eachText());
    Document term = Jsoup.parse(fixture.read("site/glossary/reward-model/index.html"));
    assertEquals(List.of("RLHF explained"), term.select("section.backlinks li").eachText());
    assertTrue(term.select("a.term-link").isEmpty(), "a term never links to itself");

    Document references = Jsoup.parse(fixture.read("site/references/index.html"));
    assertTrue(
        references.getElementById("src-gao2022").text().contains("Cited in: RLHF explained"));
  }

  @Test
  void wikiLinksMatchAliasesAndPluralsIgnoringCase() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
        -- content/methods/more.md --
        ---
        title: More
        description: More links.
        autolink: false
        ---
        [[reward models]], [[rm]] and [[Preference Models|preference]] all reach the term; linked from [[home]].
        """);
    fixture.write(
        "-- content/index.md --\n---\ntitle: Home\ndescription: The home page.\n---\n"
            + "Read [[rlhf|the RLHF page]], [[Goodhart]] and [[more]].\n");
    BuildResult result = fixture.build();
    assertEquals(List.of(), Fixture.lines(result));
    Document more = Jsoup.parse(fixture.read("site/methods/more/index.html"));
    assertEquals(
        List.of(
            "../../glossary/reward-model/",
            "../../glossary/reward-model/",
            "../../glossary/reward-model/"),
        more.select("article p a").eachAttr("href").subList(0, 3));
    assertTrue(more.select("a.term-link").isEmpty(), "autolink: false turns automatic links off");
  }

  @Test
  void brokenLinksOfEveryKindAreReportedWithPositions() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
        -- content/methods/broken.md --
        ---
        title: Broken
        description: Broken links.
        ---
        [[rlhf-typo]] and [[goodhart#nowhere]] and [@ouyang2021].

        [gone](gone.md) and <script>alert(1)</script> and [x](javascript:alert(1)).

        [w](C:\\Windows\\win.ini), [v](c:rlhf.md), [f](file:///etc/passwd) and ![i](D:/pictures/x.png).

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
    List<String> expectedStarts =
        List.of(
            "content/glossary/reward-model.md:5:11: error: alias 'RM' is already the name of term 'RM'"
                + " (content/glossary/rm2.md); remove the alias or rename one of them",
            "content/glossary/rm2.md:2:1: error: term 'RM' is also an alias of term 'Reward model'"
                + " (content/glossary/reward-model.md:5:11); remove that alias or rename this term",
            "content/glossary/rm2.md:5:12: error: see_also names unknown term 'reward-modle' (closest: 'reward-model')",
            "content/methods/broken.md:1:1: warning: no page links to this one",
            "content/methods/broken.md:5:1: error: unknown wiki-link target 'rlhf-typo' (closest: 'rlhf')",
            "content/methods/broken.md:5:19: error: unknown fragment '#nowhere' on content/methods/goodhart.md",
            "content/methods/broken.md:5:44: error: unknown citation key 'ouyang2021' (closest: 'ouyang2022')",
            "content/methods/broken.md:7:1: error: link to 'gone.md', which is not a content file",
            "content/methods/broken.md:7:21: error: raw HTML may not contain <script>",
            "content/methods/broken.md:7:51: error: links may not run script",
            "content/methods/broken.md:9:1: error: link 'C:\\Windows\\win.ini' is a Windows file path (drive C:);"
                + " a reader's browser cannot open it",
            "content/methods/broken.md:9:26: error: link 'c:rlhf.md' is a Windows file path (drive C:)",
            "content/methods/broken.md:9:42: error: link 'file:///etc/passwd' is a file: address",
            "content/methods/broken.md:9:70: error: image 'D:/pictures/x.png' is a Windows file path (drive D:)");
    for (String start : expectedStarts) {
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith(start)),
          "missing: " + start + "\n" + String.join("\n", lines));
    }
  }

  @Test
  void rawHtmlProblemsAreReportedAtTheTagOrAttributeAtFault() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
        -- content/methods/html.md --
        ---
        title: Raw HTML
        description: Raw HTML in Markdown.
        ---
        Linked from [[home]].

        <figure>
        <img src="../../assets/favicon.svg">
        <figcaption>A <span onclick="x()">caption</span></figcaption>
        </figure>

        Inline <img src="../../assets/favicon.svg"> and <img alt="A logo" src="../../assets/nothere.svg">.

        - <div>
          <img src="../../assets/favicon.svg" alt="">
          <img src="../../assets/favicon.svg">
          </div>
        """);
    assertEquals(
        List.of(
            "content/methods/html.md:8:1: error: raw HTML <img> has no alt attribute; describe the image in alt=\"…\""
                + " (or write alt=\"\" if it is only decoration) [also at content/methods/html.md:12:8 and"
                + " content/methods/html.md:16:3]",
            "content/methods/html.md:9:21: error: raw HTML may not use the event handler 'onclick'; remove it",
            "content/methods/html.md:12:67: error: <img> src '../../assets/nothere.svg' points to /assets/nothere.svg,"
                + " which the site does not have; add the file to templates/assets/ (the site publishes it as /assets/…)"
                + " or fix the path"),
        Fixture.lines(fixture.check()).stream()
            .filter(l -> l.startsWith("content/methods/html.md") && l.contains(": error: "))
            .toList());
  }

  @Test
  void headingsNeverTakeAnIdTheTemplatesGiveThePage() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
        -- content/methods/headings.md --
        ---
        title: Headings
        description: Headings named like the template's sections.
        ---
        Cited [@gao2022]; linked from [[home]]. See [our references](#references-2) and [theirs](#references).

        ## References

        ## References 1

        ## Mentioned in

        ## Toc title

        ## Ref 1

        ## Main
        """);
    fixture.write(
        "-- content/index.md --\n---\ntitle: Home\ndescription: The home page.\n---\n"
            + "Read [[rlhf|the RLHF page]], [[Goodhart]] and [[headings]].\n");
    assertEquals(List.of(), Fixture.lines(fixture.build()));
    Document page = Jsoup.parse(fixture.read("site/methods/headings/index.html"));
    assertEquals(
        List.of(
            "references-2", "references-1", "mentioned-in-1", "toc-title-1", "ref-1-1", "main-1"),
        page.select("article h2[id]").eachAttr("id").subList(0, 6),
        "the body's headings (the contents' title is a summary)");
    List<String> ids = page.select("[id]").eachAttr("id");
    assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no id twice: " + ids);
    for (String id : List.of("references", "mentioned-in", "toc-title", "ref-1", "main")) {
      assertTrue(ids.contains(id), id + " is the template's: " + ids);
    }
    assertEquals(
        List.of(
            "#references-2",
            "#references-1",
            "#mentioned-in-1",
            "#toc-title-1",
            "#ref-1-1",
            "#main-1"),
        page.select("nav.toc a").eachAttr("href"));
  }

  @Test
  void ambiguousWikiLinkListsTheCandidates() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
        -- content/other/goodhart.md --
        ---
        title: Goodhart again
        description: A second page with the same slug.
        ---
        Linked from [[home]] and [[methods/goodhart]].
        """);
    List<String> lines = Fixture.lines(fixture.check());
    assertTrue(
        lines.contains(
            "content/index.md:5:33: error: wiki link 'Goodhart' is ambiguous: it could mean"
                + " 'methods/goodhart' (content/methods/goodhart.md), 'other/goodhart' (content/other/goodhart.md);"
                + " write the full id, e.g. [[methods/goodhart]]"),
        String.join("\n", lines));
  }

  @Test
  void strictTurnsTheOrphanWarningIntoAFailure() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
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
