package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors specific to glossary terms, FAQ and flowchart pages, sources, data tables and assets, each
 * with its position.
 */
class PageTypeErrorsTest {
  @TempDir Path dir;

  private static final String HOME =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome to [[basics]].
      """;

  private List<String> lines(String sections) throws IOException {
    return Fixture.lines(Fixture.create(dir, HOME + sections).check());
  }

  private static void assertHas(List<String> lines, String expected) {
    assertTrue(lines.contains(expected), "missing: " + expected + "\n" + String.join("\n", lines));
  }

  @Test
  void termErrorsPointAtTheirKeys() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is this a question?

        Yes.
        -- content/glossary/odd.md --
        ---
        term: Odd
        short: A term whose kind is not one of the four.
        kind: structural
        ---
        Body.
        -- content/glossary/long.md --
        ---
        term: Long
        short: %s
        kind: n/a
        ---
        Body.
        -- content/glossary/linked.md --
        ---
        term: Linked
        short: See [the page](../index.md) for more.
        kind: behavioral
        ---
        Body.
        -- content/glossary/both.md --
        ---
        term: Both ways
        short: Defined both ways.
        kind: both
        ---
        ## Behavioral definition

        Only one section.
        """
                .formatted("x".repeat(201)));
    assertHas(
        lines,
        "content/glossary/odd.md:4:7: error: unknown kind 'structural'; use one of behavioral, mechanistic, both, n/a");
    assertHas(
        lines,
        "content/glossary/long.md:3:8: error: short is 201 characters long; keep it to one sentence of at most 200");
    assertHas(
        lines,
        "content/glossary/linked.md:3:8: error: short must be plain text because it is shown in tooltips;"
            + " remove the link and put it in the body");
    assertHas(
        lines,
        "content/glossary/both.md:2:1: error: term 'Both ways' is of kind 'both' but has no"
            + " '## Mechanistic definition' section; add it, or change kind");
  }

  @Test
  void termOfUnknownKindGivesOnlyItsOwnErrorAndStaysLinkable() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is this a question?

        Yes, about [[odd]] and [the odd one](../glossary/odd.md).
        -- content/glossary/odd.md --
        ---
        term: Odd
        short: A term whose kind is not one of the four.
        kind: structural
        ---
        Body.
        -- content/glossary/even.md --
        ---
        term: Even
        short: A term that sees the odd one.
        kind: n/a
        see_also: [odd]
        ---
        Body.
        """);
    assertEquals(
        List.of(
            "content/glossary/odd.md:4:7: error: unknown kind 'structural'; use one of behavioral,"
                + " mechanistic, both, n/a"),
        lines);
  }

  @Test
  void unknownSeeAlsoTermsArePointedAtWhereEachIsWritten() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is this a question?

        Yes.
        -- content/glossary/previous-token-head.md --
        ---
        term: Previous-token head
        short: Attends to the token before.
        kind: behavioral
        see_also: [induction-head, previus-token-head, copying]
        ---
        Body.
        -- content/glossary/induction-head.md --
        ---
        term: Induction head
        short: Continues a pattern.
        kind: mechanistic
        see_also:
          - previous-token-head
          - "induction-haed"
        ---
        Body.
        """);
    assertEquals(
        List.of(
            "content/glossary/induction-head.md:7:5: error: see_also names unknown term 'induction-haed' (closest:"
                + " 'induction-head'); use the slug of a file in content/glossary/",
            "content/glossary/previous-token-head.md:5:28: error: see_also names unknown term 'previus-token-head' (closest:"
                + " 'previous-token-head'); use the slug of a file in content/glossary/",
            "content/glossary/previous-token-head.md:5:48: error: see_also names unknown term 'copying'; use the slug of a"
                + " file in content/glossary/"),
        lines);
  }

  @Test
  void unknownSourcesOfATermArePointedAtWhereEachIsWritten() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is this a question?

        Yes.
        -- content/data/sources.yaml --
        olsson2022:
          authors: [Catherine Olsson]
          title: In-context learning and induction heads
          year: 2022
        -- content/glossary/induction-head.md --
        ---
        term: Induction head
        short: Continues a pattern.
        kind: mechanistic
        sources: [olsson2022, olson2022]
        ---
        Body.
        """);
    assertEquals(
        List.of(
            "content/glossary/induction-head.md:5:23: error: sources names unknown citation key 'olson2022'"
                + " (closest: 'olsson2022'); add it to content/data/sources.yaml or fix the key"),
        lines);
  }

  @Test
  void faqErrorsPointAtTheirHeadings() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## What is this?

        An answer.

        ## Background

        Not a question.

        ## Is there an answer?
        ## What is this?

        Asked again.
        """);
    assertHas(
        lines,
        "content/faq/basics.md:9:1: error: '## Background' is not a question; in a FAQ file every ## heading"
            + " is a question ending in '?' (use ### for sub-headings)");
    assertHas(
        lines,
        "content/faq/basics.md:13:1: error: question 'Is there an answer?' has no answer; write the answer under it");
    assertHas(
        lines,
        "content/faq/basics.md:14:1: error: question 'What is this?' is asked twice (also at line 5); merge the answers");
  }

  /**
   * A FAQ page linking to the flowchart pages, so that none is reported as one no page links to.
   */
  private static String faqLinkingTo(String... slugs) {
    return """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Which chart?

        [[%s]].
        """
        .formatted(String.join("]] and [[", slugs));
  }

  private static final String CHART =
      """
      ```flowchart
      start: q
      nodes:
        q:
          ask: Which?
          answers:
            - {label: "A", to: a}
            - {label: "B", to: a}
        a:
          outcome: The home page
          link: ../index.md
      ```
      """;

  @Test
  void flowchartPageWithoutAChartIsReportedAtItsFirstBodyLine() throws IOException {
    List<String> lines =
        lines(
            faqLinkingTo("none", "one")
                + """
        -- content/flowcharts/none.md --
        ---
        title: None
        description: A flowchart page with prose only.
        ---
        Prose, but no chart.
        -- content/flowcharts/one.md --
        ---
        title: One
        description: A chart.
        ---
        """
                + CHART);
    assertEquals(
        List.of(
            "content/flowcharts/none.md:5:1: error: this flowchart page has no ```flowchart block;"
                + " add exactly one, or move the page out of content/flowcharts/"),
        lines);
  }

  @Test
  void secondChartOnAFlowchartPageIsReportedAtItsFence() throws IOException {
    List<String> lines =
        lines(
            faqLinkingTo("two")
                + """
        -- content/flowcharts/two.md --
        ---
        title: Two
        description: Two charts.
        ---
        The first chart:

        """
                + CHART
                + """

        And a second one:

        """
                + CHART);
    assertEquals(
        List.of(
            "content/flowcharts/two.md:22:1: error: this is a second ```flowchart block (the first is at"
                + " line 7); a flowchart page has exactly one, so move this chart to a page of its own in content/flowcharts/"),
        lines);
  }

  @Test
  void outcomeLinkToAnUnknownFragmentIsReportedAtTheLink() throws IOException {
    List<String> lines =
        lines(
            faqLinkingTo("pick")
                + """
        -- content/flowcharts/pick.md --
        ---
        title: Pick
        description: A chart.
        ---
        """
                + CHART.replace("link: ../index.md", "link: ../index.md#nope"));
    assertEquals(
        List.of(
            "content/flowcharts/pick.md:15:11: error: unknown fragment '#nope' on content/index.md;"
                + " link to one of its headings (ids are the heading text in lower case with '-' for spaces)"),
        lines);
  }

  @Test
  void outcomeLinkThatIsNotAPageIsReportedWithTheChartsOtherErrors() throws IOException {
    List<String> lines =
        lines(
            faqLinkingTo("pick")
                + """
        -- content/flowcharts/pick.md --
        ---
        title: Pick
        description: A chart.
        ---
        """
                + CHART
                    .replace("link: ../index.md", "link: ../guide/missing.md")
                    .replace("{label: \"B\", to: a}", "{label: \"B\", to: b}"));
    assertEquals(
        List.of(
            "content/flowcharts/pick.md:12:26: error: answer 'B' of node 'q' goes to unknown node 'b'; use one of the node"
                + " ids (closest: 'a')",
            "content/flowcharts/pick.md:15:11: error: outcome 'a' links to '../guide/missing.md', which is not a page;"
                + " give the path of a Markdown page relative to this file"),
        lines);
  }

  @Test
  void sourceWithoutTitleOrYearIsReported() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is it cited?

        Yes [@notitle].
        -- content/data/sources.yaml --
        notitle:
          authors: [A. Author]
          year: 2020
        noyear:
          title: A title without a year
        """);
    assertHas(
        lines,
        "content/data/sources.yaml:1:1: error: source 'notitle' has no title; add 'title: …'");
    assertHas(
        lines,
        "content/data/sources.yaml:4:1: error: source 'noyear' has no year; add 'year: YYYY'");
  }

  @Test
  void missingAssetIsReportedAtTheLinkTogetherWithOtherErrors() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Where is the table?

        ```table data=methds
        ```

        And a [missing file](../../assets/missing.pdf), ![a logo](../../assets/nope.png) and [the style](../../assets/style.css).
        -- content/data/methods.yaml --
        caption: Methods
        columns:
          - {key: name, label: Name}
        rows:
          - {name: DPO}
        """);
    assertEquals(
        List.of(
            "content/faq/basics.md:7:1: error: no data table 'methds' (closest: 'methods'); add content/data/methds.yaml",
            "content/faq/basics.md:10:7: error: link '../../assets/missing.pdf' points to /assets/missing.pdf, which the site"
                + " does not have; add the file to templates/assets/ (the site publishes it as /assets/…) or fix the path",
            "content/faq/basics.md:10:49: error: image '../../assets/nope.png' points to /assets/nope.png, which the site"
                + " does not have; add the file to templates/assets/ (the site publishes it as /assets/…) or fix the path"),
        lines);
  }

  @Test
  void linkWrittenRelativeToTheMarkdownFileIsToldThePathFromThePage() throws IOException {
    assertEquals(
        List.of(
            "content/faq/basics.md:5:1: error: image 'assets/favicon.svg' points to /faq/basics/assets/favicon.svg, which the"
                + " site does not have; write '../../assets/favicon.svg' (addresses are relative to this page's address,"
                + " /faq/basics/, not to its Markdown file)",
            "content/faq/basics.md:9:19: error: link 'guide/' points to /faq/basics/guide/, which the site does not have;"
                + " fix the path (the site publishes its pages, the files beside them in content/, and templates/assets/ as /assets/…)"),
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ![The logo](assets/favicon.svg)

        ## Is there a logo?

        Yes, above; and a [guide](guide/).
        """));
  }

  @Test
  void addressThatIsNotAValidUriIsReportedAtTheLink() throws IOException {
    assertEquals(
        List.of(
            "content/faq/basics.md:7:6: error: link 'has space.pdf' is not a valid address (illegal character"
                + " in path at character 4); fix it (write a space as %20)"),
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is there a file?

        Yes: [a file](<has space.pdf>).
        """));
  }

  @Test
  void siteWideCheckerStillChecksWhatTheLinkerDoesNotSee() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            HOME
                + """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## Is there a file?

        Yes.
        """);
    String layout = fixture.read("templates/layout.mustache");
    fixture.write(
        "-- templates/layout.mustache --\n"
            + layout.replace("<main ", "<a href=\"{{root}}nowhere/\">x</a><main "));
    assertEquals(
        List.of(
            "templates: error: a template a link points to /nowhere/index.html, which the site does not have;"
                + " fix the link or add the page (in href=\"../../nowhere/\" on /faq/basics/index.html)"),
        Fixture.lines(fixture.check()));
  }

  @Test
  void collidingAliasIsReportedWhereTheAliasIsWritten() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## What are [[gizmo]] and [[widget]]?

        Terms.
        -- content/glossary/gizmo.md --
        ---
        term: Gizmo
        short: A gizmo.
        kind: n/a
        aliases: [gadget, thing]
        ---
        Body.
        -- content/glossary/widget.md --
        ---
        term: Widget
        short: A widget.
        kind: n/a
        aliases:
          - thingamajig
          - gizmo
          - Gadget
        ---
        Body.
        """);
    assertEquals(
        List.of(
            "content/glossary/gizmo.md:2:1: error: term 'Gizmo' is also an alias of term 'Widget'"
                + " (content/glossary/widget.md:7:5); remove that alias or rename this term",
            "content/glossary/gizmo.md:5:11: error: alias 'gadget' is also an alias of term 'Widget'"
                + " (content/glossary/widget.md:8:5); keep it on one of the two terms",
            "content/glossary/widget.md:7:5: error: alias 'gizmo' is already the name of term 'Gizmo'"
                + " (content/glossary/gizmo.md); remove the alias or rename one of them",
            "content/glossary/widget.md:8:5: error: alias 'Gadget' is also an alias of term 'Gizmo'"
                + " (content/glossary/gizmo.md:5:11); keep it on one of the two terms"),
        lines.stream().filter(l -> l.startsWith("content/glossary/")).toList());
  }

  @Test
  void termDefinedTwiceIsReportedAtBothTermLines() throws IOException {
    List<String> lines =
        lines(
            """
        -- content/faq/basics.md --
        ---
        title: Basics
        description: Questions.
        ---
        ## What is a [[glossary/widget]]?

        See [[glossary/widget-again]].
        -- content/glossary/widget.md --
        ---
        term: Widget
        short: A widget.
        kind: n/a
        ---
        Body.
        -- content/glossary/widget-again.md --
        ---
        term: widget
        short: A widget again.
        kind: n/a
        ---
        Body.
        """);
    assertEquals(
        List.of(
            "content/glossary/widget-again.md:2:1: error: term 'widget' is defined twice (also in content/glossary/widget.md);"
                + " merge the entries or rename one of them",
            "content/glossary/widget.md:2:1: error: term 'Widget' is defined twice (also in content/glossary/widget-again.md);"
                + " merge the entries or rename one of them"),
        lines);
  }
}
