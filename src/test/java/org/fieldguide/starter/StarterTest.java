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

/** {@code fieldguide new}: where each starter goes, that it passes {@code check}, and what it refuses. */
class StarterTest {
  static final String HOME = Fixture.SITE_YAML + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome.
      """;

  @TempDir
  Path dir;

  @Test
  void eachKindGoesToItsFolderAndItsPathIsPrinted() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    for (String[] c : List.of(
        new String[] {"page", "first-page", null, "content/first-page.md"},
        new String[] {"page", "second-page", "alignment", "content/alignment/second-page.md"},
        new String[] {"page", "index", "alignment", "content/alignment/index.md"},
        new String[] {"page", "third-page", "/alignment/deeper/", "content/alignment/deeper/third-page.md"},
        new String[] {"term", "reward-shaping", null, "content/glossary/reward-shaping.md"},
        new String[] {"faq", "reward-shaping", null, "content/faq/reward-shaping.md"},
        new String[] {"flowchart", "reward-shaping", null, "content/flowcharts/reward-shaping.md"})) {
      Fixture.CliRun run = c[2] == null ? fixture.cli("new", c[0], c[1]) : fixture.cli("new", c[0], c[1], "--section", c[2]);
      assertEquals(0, run.status(), run.err());
      assertEquals(c[3] + System.lineSeparator(), run.out());
      assertTrue(Files.isRegularFile(fixture.path(c[3])), c[3]);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "page, content/guide/reward-shaping.md, 'content/guide/reward-shaping.md:1:1: warning: no page links to this one'",
      "flowchart, content/flowcharts/reward-shaping.md, 'content/flowcharts/reward-shaping.md:1:1: warning: no page links to this one'",
      "term, content/glossary/reward-shaping.md, ''",
      "faq, content/faq/reward-shaping.md, ''"})
  void aStarterPassesCheckWithAtMostTheWarningThatNothingLinksToIt(String kind, String path, String warning) throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Fixture.CliRun run = kind.equals("page") ? fixture.cli("new", kind, "reward-shaping", "--section", "guide")
        : fixture.cli("new", kind, "reward-shaping");
    assertEquals(0, run.status(), run.err());
    BuildResult result = fixture.check();
    List<String> lines = Fixture.lines(result);
    assertFalse(result.failed(false), lines.toString());
    if (warning.isEmpty()) {
      assertEquals(List.of(), lines);
    } else {
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith(warning), lines.toString());
    }
    assertTrue(fixture.read(path).startsWith("---\n"));
  }

  @Test
  void allFourStartersTogetherPassCheckOnTheRealTemplates() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    for (String kind : List.of("page", "term", "faq", "flowchart")) {
      assertEquals(0, fixture.cli("new", kind, "starter-" + kind).status());
    }
    Fixture.CliRun check = fixture.cli("check", "--strict");
    assertEquals(1, check.status(), "only the two 'no page links to this one' warnings fail --strict");
    assertEquals(2, check.err().lines().filter(l -> l.contains(": warning: no page links to this one")).count(), check.err());
    assertFalse(check.err().contains(": error: "), check.err());
    assertEquals(0, fixture.cli("check").status());
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    assertEquals(0, fixture.cli("new", "term", "widget").status());
    Files.writeString(fixture.path("content/glossary/widget.md"), "my own words");
    Fixture.CliRun again = fixture.cli("new", "term", "widget");
    assertEquals(1, again.status());
    assertEquals("", again.out());
    assertEquals("fieldguide: content/glossary/widget.md already exists and was left as it is; choose another NAME or edit"
        + " that file" + System.lineSeparator(), again.err());
    assertEquals("my own words", fixture.read("content/glossary/widget.md"));
    assertEquals(1, fixture.cli("new", "page", "index").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Reward-Shaping", "reward_shaping", "reward shaping", "-reward", "reward-", "reward--shaping",
      "../escape", "a/b", "réward", ""})
  void aBadNameIsRefused(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Starter.of(Starter.Kind.PAGE, name, null));
    assertEquals("NAME must be lower-case letters, digits and single '-' between them, such as reward-shaping, not '" + name
        + "'", e.getMessage());
  }

  @Test
  void aBadNameIsAUsageErrorAndWritesNothing() throws IOException {
    Fixture fixture = Fixture.create(dir, HOME);
    Fixture.CliRun run = fixture.cli("new", "page", "Reward-Shaping");
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("fieldguide: NAME must be lower-case letters, digits and single '-'"), run.err());
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
    assertTrue(term.err().startsWith("fieldguide: --section is for pages only; a term always goes in content/glossary/"), term.err());
    Fixture.CliRun intoGlossary = fixture.cli("new", "page", "x", "--section", "glossary");
    assertEquals(2, intoGlossary.status());
    assertTrue(intoGlossary.err().contains("use 'new term x' instead"), intoGlossary.err());
    assertEquals(0, fixture.cli("new", "page", "x", "--section", "alignment/deeper").status());
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
}
