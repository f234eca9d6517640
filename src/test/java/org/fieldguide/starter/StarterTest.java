package org.fieldguide.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fieldguide new}: where each starter goes, that it passes {@code check}, and what it
 * refuses.
 */
class StarterTest {
  static final String HOME =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome.
      """;

  @TempDir Path dir;

  @Test
  void eachKindGoesToItsFolderAndItsPathIsPrinted() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    for (String[] c :
        List.of(
            new String[] {"page", "first-page", null, "content/first-page.md"},
            new String[] {"page", "second-page", "alignment", "content/alignment/second-page.md"},
            new String[] {"page", "index", "alignment", "content/alignment/index.md"},
            new String[] {
              "page", "third-page", "/alignment/deeper/", "content/alignment/deeper/third-page.md"
            },
            new String[] {"term", "reward-shaping", null, "content/glossary/reward-shaping.md"},
            new String[] {"faq", "shaping-questions", null, "content/faq/shaping-questions.md"},
            new String[] {
              "flowchart", "shaping-choices", null, "content/flowcharts/shaping-choices.md"
            })) {
      Fixture.CliRun run =
          c[2] == null
              ? fixture.cli("new", c[0], c[1])
              : fixture.cli("new", c[0], c[1], "--section", c[2], "--new-section");
      assertEquals(0, run.status(), run.err());
      assertEquals(c[3] + System.lineSeparator(), run.out());
      assertTrue(Files.isRegularFile(fixture.path(c[3])), c[3]);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "page, content/guide/reward-shaping.md",
    "flowchart, content/flowcharts/reward-shaping.md",
    "term, content/glossary/reward-shaping.md",
    "faq, content/faq/reward-shaping.md"
  })
  void aStarterIsADraftThatCheckLeavesOutAndThatBuildsWithDrafts(String kind, String path)
      throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Fixture.CliRun run =
        kind.equals("page")
            ? fixture.cli("new", kind, "reward-shaping", "--section", "guide", "--new-section")
            : fixture.cli("new", kind, "reward-shaping");
    assertEquals(0, run.status(), run.err());
    assertTrue(fixture.read(path).contains("\ndraft: true\n---\n"), fixture.read(path));
    assertEquals(List.of(), Fixture.lines(fixture.check()));
    BuildResult drafts =
        new org.fieldguide.pipeline.Build(fixture.options().withWrite(false).withDrafts(true))
            .run();
    assertFalse(drafts.failed(false), Fixture.lines(drafts).toString());
  }

  @Test
  void allFourStartersTogetherPassCheckOnTheRealTemplates() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    for (String kind : List.of("page", "term", "faq", "flowchart")) {
      assertEquals(0, fixture.cli("new", kind, "starter-" + kind).status());
    }
    assertEquals(0, fixture.cli("check", "--strict").status(), "drafts are left out");
    Fixture.CliRun drafts = fixture.cli("check", "--drafts");
    assertEquals(0, drafts.status(), drafts.err());
    assertFalse(drafts.err().contains(": error: "), drafts.err());
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    assertEquals(0, fixture.cli("new", "term", "widget").status());
    Files.writeString(fixture.path("content/glossary/widget.md"), "my own words");
    Fixture.CliRun again = fixture.cli("new", "term", "widget");
    assertEquals(1, again.status());
    assertEquals("", again.out());
    assertEquals(
        "fieldguide: content/glossary/widget.md already exists and was left as it is; choose another NAME or edit"
            + " that file"
            + System.lineSeparator(),
        again.err());
    assertEquals("my own words", fixture.read("content/glossary/widget.md"));
    assertEquals(1, fixture.cli("new", "page", "index").status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reward_shaping",
        "-reward",
        "reward-",
        "reward--shaping",
        "../escape",
        "a/b",
        "C:escape",
        "Reward: shaping",
        "x\u0000y",
        "[[rlhf]]",
        "",
        " "
      })
  void aBadNameIsRefused(String name) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Starter.of(Starter.Kind.PAGE, name, null));
    assertEquals(
        "NAME must be a name such as \"Reward shaping\" (letters, digits, spaces and - ' , . ( ) & +) or a file name"
            + " such as reward-shaping (lower-case letters, digits and single '-' between them), not '"
            + name
            + "'",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      reward-shaping                     | reward-shaping            | Reward shaping
      Reward shaping                     | reward-shaping            | Reward shaping
      Reward-Shaping                     | reward-shaping            | Reward-Shaping
      RLHF                               | rlhf                      | RLHF
      '  Goodhart’s   law '              | goodharts-law             | Goodhart’s law
      Régularisation                     | regularisation            | Régularisation
      Proximal Policy Optimization (PPO) | proximal-policy-optimization-ppo | Proximal Policy Optimization (PPO)
      Q&A                                | q-and-a                   | Q&A
      """)
  void aHumanNameMakesTheSlugAndStaysTheTitle(String written, String slug, String title) {
    Starter starter = Starter.of(Starter.Kind.TERM, written, null);
    assertEquals(slug, starter.slug());
    assertEquals(title, starter.title());
    assertEquals("glossary/" + slug + ".md", starter.contentPath());
  }

  @Test
  void aNameWithNoLettersAToZIsRefusedWithAWayOut() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Starter.of(Starter.Kind.TERM, "\u6587\u5b57", null));
    assertTrue(
        e.getMessage().contains("has no letters a to z or digits to make a file name from"),
        e.getMessage());
  }

  @Test
  void newTermWithAHumanNameWritesTheSlugFileWithTheNameAsWritten() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Fixture.CliRun run = fixture.cli("new", "term", "Reward shaping");
    assertEquals(0, run.status(), run.err());
    assertEquals("content/glossary/reward-shaping.md" + System.lineSeparator(), run.out());
    assertTrue(
        fixture
            .read("content/glossary/reward-shaping.md")
            .startsWith("---\nterm: Reward shaping\n"),
        fixture.read("content/glossary/reward-shaping.md"));
  }

  static final String TAKEN =
      HOME
          + """
      -- content/alignment/rlhf.md --
      ---
      title: Reinforcement learning from human feedback
      description: RLHF.
      ---
      Text.
      -- content/glossary/reward-hacking.md --
      ---
      term: Reward hacking
      short: Gaming a reward.
      kind: behavioral
      aliases: [specification gaming]
      draft: true
      ---
      Text.
      """;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      page | rlhf                                         | 'rlhf' is already a name of the page 'Reinforcement learning from human feedback' (content/alignment/rlhf.md), and [[rlhf]] links go there
      term | Reinforcement learning from human feedback   | 'Reinforcement learning from human feedback' is already a name of the page 'Reinforcement learning from human feedback' (content/alignment/rlhf.md), and [[Reinforcement learning from human feedback]] links go there
      page | Specification gaming                         | 'Specification gaming' is already a name of the term 'Reward hacking' (content/glossary/reward-hacking.md), and [[Specification gaming]] links go there
      faq  | Reward hacking                               | 'reward-hacking' is already a name of the term 'Reward hacking' (content/glossary/reward-hacking.md), and [[reward-hacking]] links go there
      """)
  void aNameThatLinksAlreadyReachIsRefusedAndNothingIsWritten(
      String kind, String name, String message) throws IOException {
    Fixture fixture = Fixture.create(dir, TAKEN);
    Fixture.CliRun run = fixture.cli("new", kind, name);
    assertEquals(1, run.status(), run.err());
    assertEquals(
        "fieldguide: "
            + message
            + "; a new "
            + kind
            + " by that name would take those links over or make them"
            + " ambiguous; choose another name, or edit that file"
            + System.lineSeparator(),
        run.err());
    try (var files = Files.walk(fixture.path("content"))) {
      assertEquals(4, files.filter(Files::isRegularFile).count(), "nothing was written");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      data        | content/data/ is not a section: it holds sources.yaml and data tables, and a page there is never published; choose another --section
      data/tables | content/data/ is not a section: it holds sources.yaml and data tables, and a page there is never published; choose another --section
      assets      | content/assets/ is not a section: the site publishes its own /assets/; choose another --section
      references  | content/references/ is not a section: the site publishes its own /references/; choose another --section
      """)
  void aReservedFolderIsNotASection(String section, String message) throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Fixture.CliRun run = fixture.cli("new", "page", "notes", "--section", section, "--new-section");
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("fieldguide: " + message), run.err());
    assertFalse(Files.exists(fixture.path("content/" + section + "/notes.md")));
  }

  @Test
  void aSectionThatDoesNotExistNeedsNewSectionAndTheClosestIsSuggested() throws IOException {
    Fixture fixture = Fixture.create(dir, TAKEN);
    Fixture.CliRun typo = fixture.cli("new", "page", "notes", "--section", "alignmnet");
    assertEquals(2, typo.status());
    assertEquals(
        "fieldguide: content/alignmnet/ does not exist (closest: alignment); fix --section, or add --new-section to"
            + " start a new section there"
            + System.lineSeparator(),
        typo.err());
    assertFalse(Files.exists(fixture.path("content/alignmnet")));
    assertEquals(0, fixture.cli("new", "page", "other-notes", "--section", "alignment").status());
    Fixture.CliRun fresh =
        fixture.cli("new", "page", "notes", "--section", "alignmnet", "--new-section");
    assertEquals(0, fresh.status(), fresh.err());
    assertTrue(Files.isRegularFile(fixture.path("content/alignmnet/notes.md")));
  }

  @Test
  void aSiteChangesItsStartersInTemplatesStarters() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Files.createDirectories(fixture.path("templates/starters"));
    Files.writeString(
        fixture.path("templates/starters/term.md"),
        "---\nterm: {{title}}\nshort: What {{words}} means.\nkind: behavioral\ndraft: true\n---\nOur house style for {{ slug }}.\n");
    assertEquals(0, fixture.cli("new", "term", "Reward shaping").status());
    assertEquals(
        "---\nterm: Reward shaping\nshort: What reward shaping means.\nkind: behavioral\ndraft: true\n---\n"
            + "Our house style for reward-shaping.\n",
        fixture.read("content/glossary/reward-shaping.md"));
    assertTrue(
        fixture.read("content/index.md").contains("Welcome."),
        "the other kinds keep the built-in starters");
    assertEquals(0, fixture.cli("new", "faq", "widgets").status());
    assertEquals(
        Starter.of(Starter.Kind.FAQ, "widgets", null).text(),
        fixture.read("content/faq/widgets.md"));
  }

  @Test
  void anUnknownStarterVariableIsAnErrorAtItsPlace() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Files.createDirectories(fixture.path("templates/starters"));
    Files.writeString(
        fixture.path("templates/starters/page.md"),
        "---\ntitle: {{title}}\ndescription: {{summary}}\n---\n");
    Fixture.CliRun run = fixture.cli("new", "page", "notes");
    assertEquals(1, run.status());
    assertEquals(
        "fieldguide: templates/starters/page.md:3:14: unknown starter variable 'summary'; use {{name}}, {{slug}},"
            + " {{title}}, {{words}}"
            + System.lineSeparator(),
        run.err());
    assertFalse(Files.exists(fixture.path("content/notes.md")));
  }

  @Test
  void aBadNameIsAUsageErrorAndWritesNothing() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Fixture.CliRun run = fixture.cli("new", "page", "reward_shaping");
    assertEquals(2, run.status());
    assertTrue(
        run.err().startsWith("fieldguide: NAME must be a name such as \"Reward shaping\""),
        run.err());
    try (var files = Files.walk(fixture.path("content"))) {
      assertEquals(2, files.filter(Files::isRegularFile).count(), "nothing was written");
    }
  }

  @Test
  void sectionsAreCheckedAndOnlyForPages() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    assertEquals(2, fixture.cli("new", "page", "x", "--section", "../up").status());
    assertEquals(2, fixture.cli("new", "page", "x", "--section", "Alignment").status());
    Fixture.CliRun term = fixture.cli("new", "term", "x", "--section", "alignment");
    assertEquals(2, term.status());
    assertTrue(
        term.err()
            .startsWith(
                "fieldguide: --section is for pages only; a term always goes in content/glossary/"),
        term.err());
    Fixture.CliRun intoGlossary = fixture.cli("new", "page", "x", "--section", "glossary");
    assertEquals(2, intoGlossary.status());
    assertTrue(intoGlossary.err().contains("use 'new term x' instead"), intoGlossary.err());
    assertEquals(
        0,
        fixture.cli("new", "page", "x", "--section", "alignment/deeper", "--new-section").status());
    assertEquals(2, fixture.cli("new", "chapter", "x").status());
    assertEquals(2, fixture.cli("new", "term", "index").status());
    assertEquals(2, fixture.cli("new", "page", "-reward").status());
  }

  @Test
  void aProjectWithoutContentIsAUsageError() throws IOException {
    Fixture fixture = Fixture.create(dir, "-- templates/layout.mustache --\n");
    Fixture.CliRun run = fixture.cli("new", "page", "x");
    assertEquals(2, run.status());
    assertTrue(run.err().contains("has no content/ folder"), run.err());
  }

  @Test
  void titlesComeFromTheNameAndStayTextInYaml() {
    Starter starter = Starter.of(Starter.Kind.TERM, "null", null);
    assertTrue(starter.text().startsWith("---\nterm: \"Null\"\n"), starter.text());
    assertEquals("Reward shaping", Starter.of(Starter.Kind.PAGE, "reward-shaping", null).title());
    assertThrows(IllegalArgumentException.class, () -> Starter.of(Starter.Kind.FAQ, "x", "faq"));
  }

  /**
   * The repository's templates/starters/ are the built-in starters; -Dstarters.update=true rewrites
   * them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"page", "term", "faq", "flowchart"})
  void theRepositorysStartersAreTheBuiltInOnes(String word) throws IOException {
    Starter.Kind kind = Starter.Kind.parse(word).orElseThrow();
    Path file = Path.of(Starter.starterPath(kind));
    if (Boolean.getBoolean("starters.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Starter.builtIn(kind));
    }
    assertEquals(Starter.builtIn(kind), Files.readString(file));
  }
}
