package org.fieldguide.xref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files beside the pages under {@code content/} are published at the matching address, and links to
 * them are checked.
 */
class FilesBesidePagesIT {
  @TempDir Path dir;

  static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n";

  static final String SITE =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Read [[alignment/rlhf]] and [[alignment]]; the [loop as a file](alignment/img/loop.svg).
      -- content/alignment/index.md --
      ---
      title: Alignment
      description: The section.
      updated: 2021-07-03T07:00:00Z
      ---
      ![The loop, from the section page](img/loop.svg)
      -- content/alignment/rlhf.md --
      ---
      title: RLHF
      description: The method.
      updated: 2021-07-03T23:30:00-05:00
      ---
      ![The RLHF loop](img/loop.svg "The loop")

      The same file [as a link](./img/loop.svg#top), and the data sheet [as CSV](img/data/table.csv).
      -- content/alignment/img/loop.svg --
      """
          + SVG
          + """
      -- content/alignment/img/data/table.csv --
      a,b
      1,2
      """;

  @Test
  void anImageBesideItsPageIsPublishedAndItsLinksPointToIt() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    BuildResult result = fixture.build();
    assertEquals(List.of(), Fixture.lines(result));
    Path site = fixture.path("site");
    assertArrayEquals(
        Files.readAllBytes(fixture.path("content/alignment/img/loop.svg")),
        Files.readAllBytes(site.resolve("alignment/img/loop.svg")));
    assertTrue(Files.readString(site.resolve("alignment/img/loop.svg")).startsWith(SVG));
    assertEquals(
        "a,b\n1,2", Files.readString(site.resolve("alignment/img/data/table.csv")).strip());

    Document rlhf = Jsoup.parse(site.resolve("alignment/rlhf/index.html").toFile(), "UTF-8");
    assertEquals(
        "../../alignment/img/loop.svg",
        rlhf.selectFirst("main img[alt=The RLHF loop]").attr("src"));
    assertEquals(
        "../../alignment/img/loop.svg#top",
        rlhf.selectFirst("main a:contains(as a link)").attr("href"));
    assertEquals(
        "../../alignment/img/data/table.csv",
        rlhf.selectFirst("main a:contains(as CSV)").attr("href"));
    Document section = Jsoup.parse(site.resolve("alignment/index.html").toFile(), "UTF-8");
    assertEquals("../alignment/img/loop.svg", section.selectFirst("main img").attr("src"));
    Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    assertEquals(
        "./alignment/img/loop.svg",
        home.selectFirst("main a:contains(loop as a file)").attr("href"));
  }

  @Test
  void aMissingImageIsAnErrorWhereItIsWritten() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + """
        -- content/alignment/reward-models.md --
        ---
        title: Reward models
        description: Scoring answers.
        ---
        See [[rlhf]].

        Some text, then ![The reward model](img/reward.svg) inline.
        """);
    BuildResult result = fixture.check();
    assertEquals(
        List.of(
            "content/alignment/reward-models.md:7:17: error: image 'img/reward.svg' points to"
                + " /alignment/reward-models/img/reward.svg, which the site does not have; put the file at"
                + " content/alignment/img/reward.svg (a path relative to this Markdown file) or fix the path",
            "content/alignment/reward-models.md:1:1: warning: no page links to this one, so readers can only find it through"
                + " navigation or search; link to it from a related page"),
        sortedErrorsFirst(result));
  }

  @Test
  void aFileWhoseNameCannotBeAnAddressIsReported() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE + "-- content/alignment/img/My loop.svg --\n" + SVG);
    BuildResult result = fixture.check();
    assertEquals(
        List.of(
            "content/alignment/img/My loop.svg: error: the name 'My loop.svg' cannot be part of a web"
                + " address; rename it with letters, digits, '-', '_' and '.' only"),
        Fixture.lines(result));
  }

  @Test
  void dataFilesAndEditorLeftoversAreNotPublished() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SITE
                + "-- content/data/notes.txt --\nprivate\n-- content/alignment/.draft.svg --\n"
                + SVG
                + "-- content/alignment/rlhf.md~ --\nold\n");
    assertEquals(List.of(), Fixture.lines(fixture.build()));
    assertFalse(Files.exists(fixture.path("site/data/notes.txt")));
    assertFalse(Files.exists(fixture.path("site/alignment/.draft.svg")));
    assertFalse(Files.exists(fixture.path("site/alignment/rlhf.md~")));
  }

  @Test
  void aDateAndTimeIsShownAsItsDate() throws IOException {
    Fixture fixture = Fixture.create(dir, SITE);
    assertEquals(List.of(), Fixture.lines(fixture.build()));
    String section = fixture.read("site/alignment/index.html");
    String rlhf = fixture.read("site/alignment/rlhf/index.html");
    assertTrue(section.contains("datetime=\"2021-07-03\""), section);
    assertTrue(rlhf.contains("datetime=\"2021-07-03\""), "the date as written, in its own offset");
  }

  private static List<String> sortedErrorsFirst(BuildResult result) {
    return Fixture.lines(result).stream()
        .sorted((a, b) -> Boolean.compare(!a.contains(": error: "), !b.contains(": error: ")))
        .toList();
  }
}
