package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mistake, one error line: each test starts from a site that builds cleanly, makes one mistake
 * that used to bring a cascade of misleading errors elsewhere, and asserts every line printed.
 */
class ErrorCascadeTest {
  @TempDir Path dir;

  /** A small site in which much depends on one page, one term, the sources and a flowchart. */
  private static final String SITE =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Start with [RLHF](alignment/rlhf.md), [[Reinforcement learning from human feedback]] or
      [[alignment/rlhf|the method]]; see [[reward model]] and [[choosing]].
      -- content/alignment/index.md --
      ---
      title: Alignment
      description: Methods.
      ---
      [The method](rlhf.md) and [its reward](rlhf.md#the-reward).
      -- content/alignment/rlhf.md --
      ---
      title: Reinforcement learning from human feedback
      description: Learning a reward from comparisons.
      ---
      People compare answers [@christiano2017]; a [[reward model]] learns from them [@stiennon2020].

      ## The reward

      Then a policy is trained against it [@christiano2017, p. 3].
      -- content/glossary/reward-model.md --
      ---
      term: Reward model
      short: A model that scores answers the way people would.
      kind: behavioral
      see_also: [policy]
      sources: [christiano2017]
      ---
      It is trained on comparisons from [RLHF](../alignment/rlhf.md).
      -- content/glossary/policy.md --
      ---
      term: Policy
      short: The model being trained.
      kind: n/a
      see_also: [reward-model]
      ---
      What acts.
      -- content/data/sources.yaml --
      christiano2017:
        authors: [Paul F. Christiano, Jan Leike]
        title: Deep Reinforcement Learning from Human Preferences
        year: 2017
      stiennon2020:
        authors: [Nisan Stiennon, Long Ouyang]
        title: Learning to summarize from human feedback
        year: 2020
      -- content/flowcharts/choosing.md --
      ---
      title: Choosing
      description: Which method to try.
      ---
      ```flowchart
      start: data
      nodes:
        data:
          ask: "Do you have comparisons?"
          answers:
            - {label: "Yes", to: online}
            - {label: "No", to: sft}
        online:
          ask: "Can you run RL?"
          answers:
            - {label: "Yes", to: rlhf}
            - {label: "No", to: sft}
        rlhf:
          outcome: "RLHF"
          link: ../alignment/rlhf.md
        sft:
          outcome: "Fine-tuning"
          link: ../alignment/index.md
      ```
      """;

  private Fixture site() throws IOException {
    return Fixture.create(dir, SITE);
  }

  private static List<String> check(Fixture fixture) {
    return Fixture.lines(fixture.check());
  }

  /** {@code path}'s text with {@code from} replaced by {@code to}, which must be there. */
  private static void edit(Fixture fixture, String path, String from, String to)
      throws IOException {
    String text = fixture.read(path);
    if (!text.contains(from)) {
      throw new AssertionError(path + " has no " + from);
    }
    Files.writeString(fixture.path(path), text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void theSiteBuildsCleanly() throws IOException {
    assertEquals(List.of(), check(site()));
  }

  @Test
  void aMisspeltTitleKeyIsOneErrorAndLinksToThePageStillResolve() throws IOException {
    Fixture fixture = site();
    edit(fixture, "content/alignment/rlhf.md", "title:", "titel:");
    assertEquals(
        List.of(
            "content/alignment/rlhf.md:2:1: error: unknown key 'titel' in a page's front matter (did you mean"
                + " 'title'?); allowed keys are title, description, order, tags, updated, draft, autolink"),
        check(fixture));
  }

  @Test
  void frontMatterThatDoesNotParseStillGivesThePageItsAddressAndTitle() throws IOException {
    Fixture fixture = site();
    edit(fixture, "content/alignment/rlhf.md", "description: Learning", "description: [Learning");
    assertEquals(
        List.of(
            "content/alignment/rlhf.md:3:14: error: malformed YAML: the list starting here with '[' is not"
                + " closed; add ']' after its last item, or quote the value if it is text starting with '['"),
        check(fixture));
  }

  /** Its title cannot be known, so a link by title fails; links by address resolve. */
  @Test
  void aPageWithoutFrontMatterStillHasItsAddress() throws IOException {
    Fixture fixture = site();
    Files.writeString(
        fixture.path("content/alignment/rlhf.md"),
        "People compare answers.\n\n## The reward\n\nText.\n");
    assertEquals(
        List.of(
            "content/alignment/rlhf.md:1:1: error: missing front matter; start the file with a line '---',"
                + " the YAML keys (title, description), and another '---'",
            "content/index.md:5:39: error: unknown wiki-link target 'Reinforcement learning from human feedback'; link to a page"
                + " slug, page title, glossary term or alias"),
        check(fixture));
  }

  @Test
  void aTermWithoutShortIsOneErrorAndItsSeeAlsoLinksStillResolve() throws IOException {
    Fixture fixture = site();
    edit(
        fixture,
        "content/glossary/reward-model.md",
        "short: A model that scores answers the way people would.\n",
        "");
    assertEquals(
        List.of(
            "content/glossary/reward-model.md:2:1: error: missing required key 'short'; add 'short: …' to the"
                + " front matter"),
        check(fixture));
  }

  @Test
  void anUnclosedListInTheSourcesIsOneErrorNotOnePerCitation() throws IOException {
    Fixture fixture = site();
    edit(fixture, "content/data/sources.yaml", "Jan Leike]", "Jan Leike");
    assertEquals(
        List.of(
            "content/data/sources.yaml:2:12: error: malformed YAML: the list starting here with '[' is not"
                + " closed before 3:8; add ']' after its last item, or quote the value if it is text starting with '['"),
        check(fixture));
  }

  @Test
  void nodesAnAnswerToAMissingNodeLeavesUnreachableAreFoldedIntoIt() throws IOException {
    Fixture fixture = site();
    edit(
        fixture,
        "content/flowcharts/choosing.md",
        "{label: \"Yes\", to: online}",
        "{label: \"Yes\", to: onlien}");
    List<String> lines = check(fixture);
    assertEquals(
        List.of(
            "content/flowcharts/choosing.md:11:28: error: answer 'Yes' of node 'data' goes to unknown node"
                + " 'onlien'; use one of the node ids (closest: 'online') [+2 follow-on errors]"),
        lines);
    Fixture.CliRun run = fixture.cli("check");
    assertEquals(
        String.join(
            System.lineSeparator(),
            lines.get(0),
            "fieldguide: 1 error(s), 0 warning(s) (3 diagnostics in all, folded); fix them and run again",
            ""),
        run.err());
  }

  @Test
  void aNodeNoAnswerGoesToIsStillReportedBesideAMissingNode() throws IOException {
    Fixture fixture = site();
    edit(
        fixture,
        "content/flowcharts/choosing.md",
        "{label: \"Yes\", to: rlhf}",
        "{label: \"Yes\", to: zzz}");
    assertEquals(
        List.of(
            "content/flowcharts/choosing.md:16:28: error: answer 'Yes' of node 'online' goes to unknown node"
                + " 'zzz'; use one of the node ids (data, online, rlhf, sft) [+1 follow-on error]"),
        check(fixture));
    edit(fixture, "content/flowcharts/choosing.md", "to: zzz", "to: sft");
    assertEquals(
        List.of(
            "content/flowcharts/choosing.md:18:3: error: node 'rlhf' cannot be reached from the start node"
                + " 'data'; add an answer that goes to it, or remove it"),
        check(fixture));
  }

  @Test
  void aBadByteInAPageIsOneErrorAndLinksToThePageStillResolve() throws IOException {
    Fixture fixture = site();
    byte[] text = Files.readAllBytes(fixture.path("content/alignment/rlhf.md"));
    byte[] bad = new byte[text.length + 1];
    System.arraycopy(text, 0, bad, 0, text.length);
    bad[text.length] = (byte) 0xFF;
    Files.write(fixture.path("content/alignment/rlhf.md"), bad);
    assertEquals(
        List.of(
            "content/alignment/rlhf.md:10:1: error: this file is not valid UTF-8; save it as UTF-8"),
        check(fixture));
  }

  @Test
  void anUnknownValueInAPartialIsOneErrorAtItsTagWithoutFragmentEchoes() throws IOException {
    Fixture fixture = site();
    long pages = fixture.check().paths().stream().filter(p -> p.endsWith(".html")).count();
    Files.writeString(
        fixture.path("templates/footer.mustache"), "<footer>\n<p>{{siteTitel}}</p>\n</footer>\n");
    assertEquals(
        List.of(
            "templates/footer.mustache:2:4: error: no value 'siteTitel' in the view; add it to the view or"
                + " remove the tag [while rendering 404.html and "
                + (pages - 1)
                + " other pages]"),
        check(fixture));
  }
}
