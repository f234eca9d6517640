package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link to a page that is a draft says so, and how to include it, instead of calling the target
 * unknown.
 */
class DraftLinksTest {
  @TempDir Path dir;

  private static final String SITE =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      See [[debate]], [[AI safety via debate]], [the draft](alignment/debate.md#setup) and [[reward hacking]].
      -- content/alignment/debate.md --
      ---
      title: AI safety via debate
      description: Two models argue; a judge decides.
      draft: true
      ---
      ## Setup

      Two copies argue.
      -- content/glossary/reward-hacking.md --
      ---
      term: Reward hacking
      short: Scoring well on a reward without doing the task.
      kind: behavioral
      see_also: [specification-gaming]
      draft: true
      ---
      Text.
      -- content/glossary/specification-gaming.md --
      ---
      term: Specification gaming
      short: Meeting the letter of an objective, not its intent.
      kind: behavioral
      see_also: [reward-hacking]
      ---
      Text.
      """;

  private static final String DRAFT =
      "; build with --drafts to include it, or remove 'draft: true' there to publish it";

  @Test
  void linksOfEveryKindToADraftSayItIsADraft() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    assertEquals(
        List.of(
            "content/glossary/specification-gaming.md:5:12: error: see_also names the term 'reward-hacking', which is a draft"
                + " (content/glossary/reward-hacking.md)"
                + DRAFT,
            "content/index.md:5:5: error: wiki-link target 'debate' is a draft (content/alignment/debate.md)"
                + DRAFT,
            "content/index.md:5:17: error: wiki-link target 'AI safety via debate' is a draft (content/alignment/debate.md)"
                + DRAFT,
            "content/index.md:5:43: error: link to 'alignment/debate.md', which is a draft (content/alignment/debate.md)"
                + DRAFT,
            "content/index.md:5:86: error: wiki-link target 'reward hacking' is a draft (content/glossary/reward-hacking.md)"
                + DRAFT),
        Fixture.lines(fixture.check()));
  }

  @Test
  void aFlowchartOutcomeLinkingToADraftSaysItIsADraft() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    Files.delete(fixture.path("content/glossary/specification-gaming.md"));
    Files.writeString(
        fixture.path("content/index.md"),
        "---\ntitle: Home\ndescription: The home page.\n---\nSee [[Which method?]].\n");
    Files.createDirectories(fixture.path("content/flowcharts"));
    Files.writeString(
        fixture.path("content/flowcharts/which.md"),
        """
        ---
        title: Which method?
        description: A chart.
        ---
        ```flowchart
        start: q
        nodes:
          q:
            ask: "Two models?"
            answers:
              - {label: "Yes", to: debate}
              - {label: "No", to: home}
          debate:
            outcome: "Debate"
            link: ../alignment/debate.md#setup
          home:
            outcome: "Home"
            link: ../index.md
        ```
        """);
    assertEquals(
        List.of(
            "content/flowcharts/which.md:15:11: error: outcome 'debate' links to"
                + " '../alignment/debate.md#setup', which is a draft (content/alignment/debate.md)"
                + DRAFT),
        Fixture.lines(fixture.check()));
  }

  @Test
  void withDraftsTheSameLinksResolve() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    Fixture.CliRun run = fixture.cli("check", "--drafts");
    assertEquals(0, run.status(), run.err());
  }

  @Test
  void aTargetThatIsNeitherPageNorDraftIsStillUnknown() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    Files.writeString(
        fixture.path("content/index.md"),
        "---\ntitle: Home\ndescription: The home page.\n---\n[[debat]]\n");
    Files.delete(fixture.path("content/glossary/specification-gaming.md"));
    assertEquals(
        List.of(
            "content/index.md:5:1: error: unknown wiki-link target 'debat'; link to a page"
                + " slug, page title, glossary term or alias"),
        Fixture.lines(fixture.check()));
  }
}
