package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which pages a change makes a build kept from the last one ({@code serve}) render and make again,
 * and that the result is always what a build from nothing gives: the same bytes in every file and
 * the same diagnostics.
 */
class IncrementalBuildTest {
  @TempDir Path dir;

  private Fixture fixture;
  private BuildOptions options;
  private BuildState state;
  private Set<String> allPages;

  static final String SITE =
      Fixture.SITE_YAML
          + """
      -- content/data/sources.yaml --
      ouyang2022:
        authors: [Long Ouyang, Jeff Wu, et al.]
        title: Training language models to follow instructions with human feedback
        year: 2022
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
      Read [[rlhf|the RLHF page]], [[Goodhart]] and [[notes]].
      -- content/methods/index.md --
      ---
      title: Methods
      description: The methods.
      order: 1
      ---
      The methods, in order.
      -- content/methods/rlhf.md --
      ---
      title: RLHF explained
      description: The method.
      order: 1
      ---
      ## The reward model

      A reward model scores outputs [@ouyang2022].
      See [the practice](goodhart.md#in-practice).
      -- content/methods/goodhart.md --
      ---
      title: Goodhart
      description: Measures and targets.
      order: 2
      ---
      ## In practice

      Back to [RLHF](rlhf.md).
      -- content/methods/notes.md --
      ---
      title: Notes
      description: Loose notes.
      order: 3
      ---
      Nothing links from here.
      -- content/glossary/reward-model.md --
      ---
      term: Reward model
      short: A model that scores outputs the way human raters would.
      kind: behavioral
      ---
      Defined by what it scores; see [[rlhf]].
      -- content/faq/basics.md --
      ---
      title: Basics
      description: First questions.
      ---
      ## What is RLHF?

      Training with human feedback; see [[rlhf]].
      """;

  @BeforeEach
  void firstBuild() throws IOException {
    fixture = Fixture.create(dir, SITE);
    options = fixture.options().withWrite(false);
    state = BuildState.forPreview();
    BuildResult first = rebuild((String[]) null);
    assertEquals(List.of(), errors(first));
    assertEquals(
        Set.of(
            "index",
            "methods/index",
            "methods/rlhf",
            "methods/goodhart",
            "methods/notes",
            "glossary/reward-model",
            "faq/basics"),
        first.redone().bodies());
    assertEquals(
        first.files().keySet().stream().filter(p -> p.endsWith(".html")).count(),
        first.redone().pages().size());
    allPages = first.redone().pages();
  }

  @Test
  void aSaveWithoutChangesRedoesNothing() throws IOException {
    touch("content/methods/goodhart.md");
    BuildResult result = rebuild("content/methods/goodhart.md");
    assertEquals(Set.of(), result.redone().bodies());
    assertEquals(Set.of(), result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aBodyEditRendersAndMakesOnlyThatPage() throws IOException {
    replace(
        "content/methods/notes.md", "Nothing links from here.", "Still nothing links from here.");
    BuildResult result = rebuild("content/methods/notes.md");
    assertEquals(Set.of("methods/notes"), result.redone().bodies());
    assertEquals(Set.of("methods/notes"), result.redone().pages());
    assertTrue(
        new String(result.files().get("methods/notes/index.html")).contains("Still nothing"));
    assertSameAsFullBuild(result);
  }

  @Test
  void aNewLinkMakesItsTargetAgainForTheBacklink() throws IOException {
    replace(
        "content/methods/notes.md", "Nothing links from here.", "Now this links to [[Goodhart]].");
    BuildResult result = rebuild("content/methods/notes.md");
    assertEquals(Set.of("methods/notes"), result.redone().bodies());
    assertEquals(Set.of("methods/notes", "methods/goodhart"), result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aRemovedLinkMakesItsFormerTargetAgain() throws IOException {
    replace("content/methods/goodhart.md", "Back to [RLHF](rlhf.md).", "Back to the start.");
    BuildResult result = rebuild("content/methods/goodhart.md");
    assertEquals(Set.of("methods/goodhart"), result.redone().bodies());
    assertEquals(Set.of("methods/goodhart", "methods/rlhf"), result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aRenamedHeadingIsReportedWhereAnotherPageLinksToIt() throws IOException {
    replace("content/methods/goodhart.md", "## In practice", "## In theory");
    BuildResult result = rebuild("content/methods/goodhart.md");
    assertEquals(
        Set.of("methods/goodhart"),
        result.redone().bodies(),
        "the linking page is not rendered again");
    assertEquals(
        List.of(
            "content/methods/rlhf.md:9:5 unknown fragment '#in-practice' on content/methods/goodhart.md;"
                + " link to one of its headings (ids are the heading text in lower case with '-' for spaces)"),
        errors(result).stream()
            .map(d -> d.path() + ":" + d.line() + ":" + d.column() + " " + d.message())
            .toList());
    assertSameAsFullBuild(result);

    replace("content/methods/goodhart.md", "## In theory", "## In practice");
    BuildResult fixed = rebuild("content/methods/goodhart.md");
    assertEquals(List.of(), errors(fixed));
    assertSameAsFullBuild(fixed);
  }

  @Test
  void aNewCitationMakesTheReferencesPageAgain() throws IOException {
    replace(
        "content/methods/notes.md",
        "Nothing links from here.",
        "Overoptimization is measured [@gao2022].");
    BuildResult result = rebuild("content/methods/notes.md");
    assertEquals(Set.of("methods/notes"), result.redone().bodies());
    assertEquals(Set.of("methods/notes", "references/index"), result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aNewQuestionMakesTheFaqIndexAgain() throws IOException {
    Files.writeString(
        fixture.path("content/faq/basics.md"),
        Files.readString(fixture.path("content/faq/basics.md"))
            + "\n## Why a reward model?\n\nBecause people cannot rate everything.\n");
    BuildResult result = rebuild("content/faq/basics.md");
    assertEquals(Set.of("faq/basics"), result.redone().bodies());
    assertEquals(Set.of("faq/basics", "faq/index"), result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aTitleChangeRendersThePagesThatCanShowItAndMakesThePagesThatDo() throws IOException {
    // The HTML of a page is made again only where its views changed: here the section's pages,
    // whose navigation lists the title (rlhf also lists Goodhart among its backlinks). The home
    // page links to it in its own words.
    replace("content/methods/goodhart.md", "title: Goodhart", "title: Goodhart's law");
    BuildResult result = rebuild("content/methods/goodhart.md");
    // The page itself, and the pages linking to it (which may show its title); no other page
    // looked up a name the old or new title answers.
    assertEquals(Set.of("methods/goodhart", "index", "methods/rlhf"), result.redone().bodies());
    assertEquals(
        Set.of("methods/goodhart", "methods/index", "methods/notes", "methods/rlhf"),
        result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aNewTitleThatAnswersAnUnresolvedLinkRendersThatPage() throws IOException {
    replace("content/methods/notes.md", "Nothing links from here.", "See [[Reward hacking]].");
    BuildResult broken = rebuild("content/methods/notes.md");
    assertEquals(1, errors(broken).size(), errors(broken).toString());
    replace("content/methods/goodhart.md", "title: Goodhart", "title: Reward hacking");
    BuildResult fixed = rebuild("content/methods/goodhart.md");
    assertTrue(fixed.redone().bodies().contains("methods/notes"));
    assertEquals(List.of(), errors(fixed));
    assertSameAsFullBuild(fixed);
  }

  @Test
  void aTitleThatATableCellLinksToRendersThatPage() throws IOException {
    fixture.write(
        """
        -- content/data/methods.yaml --
        caption: "Methods."
        columns:
          - {key: method, label: "Method"}
          - {key: note, label: "Note"}
        rows:
          - method: "[[methods/goodhart]]"
            note: "a law"
        """);
    replace("content/methods/notes.md", "Nothing links from here.", "```table data=methods\n```");
    BuildResult table = rebuild("content/data/methods.yaml", "content/methods/notes.md");
    assertSameAsFullBuild(table);
    replace("content/methods/goodhart.md", "title: Goodhart", "title: Goodhart's law");
    BuildResult renamed = rebuild("content/methods/goodhart.md");
    assertTrue(renamed.redone().bodies().contains("methods/notes"), renamed.redone().toString());
    assertSameAsFullBuild(renamed);
  }

  @Test
  void aLandingPageTitleChangeMakesEveryPageAgain() throws IOException {
    // A section's landing page names the section in every page's navigation.
    replace("content/methods/index.md", "title: Methods", "title: The methods");
    BuildResult result = rebuild("content/methods/index.md");
    assertEquals(allPages, result.redone().pages());
    assertSameAsFullBuild(result);
  }

  @Test
  void aDescriptionChangeRendersOnlyThePageAndThePagesLinkingToIt() throws IOException {
    replace(
        "content/methods/goodhart.md",
        "description: Measures and targets.",
        "description: When a measure becomes a target.");
    BuildResult result = rebuild("content/methods/goodhart.md");
    assertEquals(Set.of("methods/goodhart", "index", "methods/rlhf"), result.redone().bodies());
    assertSameAsFullBuild(result);
  }

  @Test
  void aTermDefinitionChangeRendersThePagesWhoseTooltipsShowIt() throws IOException {
    replace("content/glossary/reward-model.md", "the way human raters would", "as people would");
    BuildResult result = rebuild("content/glossary/reward-model.md");
    assertEquals(
        Set.of("glossary/reward-model", "methods/rlhf"),
        result.redone().bodies(),
        "rlhf mentions the term");
    assertTrue(
        new String(result.files().get("methods/rlhf/index.html"))
            .contains("scores outputs as people would"));
    assertSameAsFullBuild(result);
  }

  @Test
  void aNewTermAliasRendersEveryBodyAgain() throws IOException {
    // The matcher looks for a term's names in every text, so a new name can link anywhere.
    replace(
        "content/glossary/reward-model.md",
        "kind: behavioral",
        "kind: behavioral\naliases: [notes]");
    BuildResult result = rebuild("content/glossary/reward-model.md");
    assertEquals(7, result.redone().bodies().size());
    assertSameAsFullBuild(result);
  }

  @Test
  void aTemplateChangeMakesEveryPageAgain() throws IOException {
    Path footer = fixture.path("templates/layout.mustache");
    Files.writeString(
        footer, Files.readString(footer).replace("</body>", "<!-- edited --></body>"));
    BuildResult result = rebuild("templates/layout.mustache");
    assertEquals(allPages, result.redone().pages());
    assertTrue(new String(result.files().get("index.html")).contains("<!-- edited -->"));
    assertSameAsFullBuild(result);
  }

  @Test
  void bodiesEditedOneAfterAnotherSurviveAChangeThatRendersEverything() throws IOException {
    replace("content/methods/notes.md", "Nothing links from here.", "First edit.");
    assertSameAsFullBuild(rebuild("content/methods/notes.md"));
    replace(
        "content/methods/goodhart.md",
        "Back to [RLHF](rlhf.md).",
        "Back to [RLHF](rlhf.md), edited.");
    assertSameAsFullBuild(rebuild("content/methods/goodhart.md"));
    Path layout = fixture.path("templates/layout.mustache");
    Files.writeString(
        layout, Files.readString(layout).replace("</body>", "<!-- edited --></body>"));
    BuildResult result = rebuild("templates/layout.mustache");
    assertTrue(new String(result.files().get("methods/notes/index.html")).contains("First edit."));
    assertSameAsFullBuild(result);
  }

  @Test
  void aStyleSheetEditMakesNoPageAgain() throws IOException {
    Path css = fixture.path("templates/assets/style.css");
    Files.writeString(css, Files.readString(css) + "\n/* edited */\n");
    BuildResult result = rebuild("templates/assets/style.css");
    assertEquals(Set.of(), result.redone().bodies());
    assertEquals(Set.of(), result.redone().pages());
    assertTrue(new String(result.files().get("assets/style.css")).endsWith("/* edited */\n"));
    assertSameAsFullBuild(result);
  }

  @Test
  void pagesComeAndGo() throws IOException {
    fixture.write(
        """
        -- content/methods/new.md --
        ---
        title: New
        description: A new page.
        ---
        Links to [[notes]] and [missing](gone.md).
        """);
    BuildResult added = rebuild("content/methods/new.md");
    assertTrue(added.files().containsKey("methods/new/index.html"));
    assertSameAsFullBuild(added);

    Files.delete(fixture.path("content/methods/notes.md"));
    BuildResult removed = rebuild("content/methods/notes.md");
    assertTrue(!removed.files().containsKey("methods/notes/index.html"));
    assertTrue(
        errors(removed).stream().anyMatch(d -> d.path().equals("content/index.md")),
        "the home page's link broke");
    assertSameAsFullBuild(removed);

    Files.move(fixture.path("content/methods/new.md"), fixture.path("content/methods/notes.md"));
    BuildResult renamed = rebuild("content/methods/new.md", "content/methods/notes.md");
    assertSameAsFullBuild(renamed);
  }

  @Test
  void aNewFolderIsReadWhole() throws IOException {
    fixture.write(
        """
        -- content/extra/index.md --
        ---
        title: Extra
        description: More.
        ---
        See [[one]].
        -- content/extra/one.md --
        ---
        title: One
        description: The first extra page.
        ---
        Back [home](../index.md).
        """);
    BuildResult result = rebuild("content/extra");
    assertTrue(result.files().containsKey("extra/one/index.html"));
    assertSameAsFullBuild(result);

    try (var files = Files.walk(fixture.path("content/extra"))) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertSameAsFullBuild(rebuild("content/extra"));
  }

  @Test
  void aLinkedPageThatBecomesADraftAndIsRenamedIsReportedAsInAFullBuild() throws IOException {
    replace("content/methods/goodhart.md", "order: 2", "order: 2\ndraft: true");
    BuildResult draft = rebuild("content/methods/goodhart.md");
    assertTrue(
        errors(draft).stream().allMatch(d -> d.message().contains("is a draft")),
        errors(draft).toString());
    assertSameAsFullBuild(draft);

    replace("content/methods/goodhart.md", "title: Goodhart", "title: Goodhart's law");
    BuildResult renamed = rebuild("content/methods/goodhart.md");
    assertEquals(
        2,
        errors(renamed).size(),
        errors(renamed).toString()); // [[Goodhart]] is still the draft's slug
    assertSameAsFullBuild(renamed);

    replace("content/methods/goodhart.md", "draft: true\n", "");
    replace("content/methods/goodhart.md", "title: Goodhart's law", "title: Goodhart");
    BuildResult published = rebuild("content/methods/goodhart.md");
    assertEquals(List.of(), errors(published));
    assertSameAsFullBuild(published);
  }

  @Test
  void errorsComeAndGoAsInAFullBuild() throws IOException {
    replace(
        "content/methods/notes.md",
        "Nothing links from here.",
        "A [[missing page]] and [@nobody2020].");
    BuildResult broken = rebuild("content/methods/notes.md");
    assertEquals(2, errors(broken).size(), errors(broken).toString());
    assertSameAsFullBuild(broken);

    replace("content/methods/notes.md", "title: Notes", "title: [broken");
    BuildResult worse = rebuild("content/methods/notes.md");
    assertSameAsFullBuild(worse);

    replace("content/methods/notes.md", "title: [broken", "title: Notes");
    replace("content/methods/notes.md", "A [[missing page]] and [@nobody2020].", "Fixed.");
    BuildResult fixed = rebuild("content/methods/notes.md");
    assertEquals(List.of(), errors(fixed));
    assertSameAsFullBuild(fixed);
  }

  @Test
  void anEditDuringABuildThatStoppedEarlyIsNotLost() throws IOException {
    Path config = fixture.path("content/site.yaml");
    String yaml = Files.readString(config);
    Files.delete(config);
    replace(
        "content/methods/notes.md",
        "Nothing links from here.",
        "Edited while the site had no configuration.");
    BuildResult stopped = rebuild("content/site.yaml", "content/methods/notes.md");
    assertTrue(stopped.failed(false));
    Files.writeString(config, yaml);
    BuildResult back = rebuild("content/site.yaml");
    assertEquals(
        Set.of("methods/notes"),
        back.redone().bodies(),
        "the configuration reads the same as before");
    assertTrue(
        new String(back.files().get("methods/notes/index.html"))
            .contains("Edited while the site had no configuration."));
    assertSameAsFullBuild(back);
  }

  /** Random edits of every kind, one after the other, each checked against a build from nothing. */
  @Test
  void anySequenceOfEditsGivesWhatAFullBuildGives() throws IOException {
    java.util.Random random = new java.util.Random(20261201);
    List<String> pages =
        new java.util.ArrayList<>(
            List.of(
                "content/methods/rlhf.md",
                "content/methods/goodhart.md",
                "content/methods/notes.md",
                "content/index.md",
                "content/faq/basics.md",
                "content/glossary/reward-model.md"));
    List<String> links =
        List.of(
            "[[rlhf]]",
            "[[Goodhart]]",
            "[[notes]]",
            "[[reward model]]",
            "[x](rlhf.md#the-reward-model)",
            "[y](goodhart.md#in-practice)",
            "[@gao2022]",
            "[@ouyang2022]",
            "[[nowhere]]",
            "[z](rlhf.md#no-such-part)");
    int made = 0;
    for (int step = 0; step < 60; step++) {
      String page = pages.get(random.nextInt(pages.size()));
      Path file = fixture.path(page);
      String changed = page;
      switch (random.nextInt(8)) {
        case 0, 1 ->
            Files.writeString(file, Files.readString(file) + "\nMore text " + step + ".\n");
        case 2 ->
            Files.writeString(
                file,
                Files.readString(file)
                    + "\nA link: "
                    + links.get(random.nextInt(links.size()))
                    + "\n");
        case 3 -> {
          String text = Files.readString(file);
          int cut = text.lastIndexOf("\nA link: ");
          Files.writeString(file, cut < 0 ? text : text.substring(0, cut + 1));
        }
        case 4 ->
            Files.writeString(
                file, Files.readString(file) + "\n## Part " + step + "\n\nA new part.\n");
        case 5 ->
            Files.writeString(
                file,
                switch (random.nextInt(3)) {
                  case 0 ->
                      Files.readString(file)
                          .replaceFirst("(?m)^description: (.*)$", "description: $1 Again.");
                  case 1 ->
                      Files.readString(file)
                          .replaceFirst("(?m)^(title|term): (.*)$", "$1: $2 again");
                  default ->
                      Files.readString(file)
                          .replaceFirst("(?m)^order: \\d+$", "order: " + random.nextInt(5));
                });
        case 6 -> {
          Path layout = fixture.path("templates/layout.mustache");
          Files.writeString(
              layout,
              Files.readString(layout).replace("</body>", "<!-- step " + step + " --></body>"));
          changed = "templates/layout.mustache";
        }
        default -> {
          String fresh = "content/methods/page-" + step + ".md";
          Files.writeString(
              fixture.path(fresh),
              "---\ntitle: Page "
                  + step
                  + "\ndescription: Made at step "
                  + step
                  + ".\n---\nSee [[notes]].\n");
          pages.add(fresh);
          changed = fresh;
          if (pages.size() > 8) {
            String gone = pages.remove(6);
            Files.delete(fixture.path(gone));
            assertSameAsFullBuild(rebuild(fresh, gone));
            continue;
          }
        }
      }
      BuildResult result = rebuild(changed);
      made += result.redone().pages().size();
      assertSameAsFullBuild(result);
    }
    assertTrue(
        made < 60 * allPages.size() / 2, "most edits made few pages again (" + made + " in all)");
  }

  private BuildResult rebuild(String... changed) {
    return new Build(options, state)
        .run(
            changed == null
                ? null
                : Arrays.stream(changed)
                    .map(p -> fixture.root().resolve(p).toAbsolutePath().normalize())
                    .toList());
  }

  private void assertSameAsFullBuild(BuildResult incremental) {
    BuildResult full = new Build(options).run();
    assertEquals(full.diagnostics().all(), incremental.diagnostics().all());
    assertEquals(full.files().keySet(), incremental.files().keySet());
    for (String path : full.files().keySet()) {
      byte[] bytes = incremental.files().get(path);
      assertArrayEquals(
          full.files().get(path),
          path.equals(org.fieldguide.search.SearchIndex.INDEX_PATH)
              ? incremental.searchIndex().get()
              : bytes,
          path);
    }
  }

  private static List<Diagnostic> errors(BuildResult result) {
    return Fixture.errors(result);
  }

  private void touch(String relative) throws IOException {
    Path file = fixture.path(relative);
    Files.writeString(file, Files.readString(file));
  }

  private void replace(String relative, String from, String to) throws IOException {
    Path file = fixture.path(relative);
    String text = Files.readString(file);
    assertTrue(text.contains(from), relative + " holds " + from);
    Files.writeString(file, text.replace(from, to));
  }
}
