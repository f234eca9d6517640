package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds: determinism, atomic writes, the CLI's exit codes and its list of every error. */
class BuildOutputIT {
  @TempDir Path dir;

  static final String SMALL_SITE =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Start with [the guide](guide/intro.md).
      -- content/guide/index.md --
      ---
      title: Guide
      description: The guide section.
      ---
      Read [[intro]] first.
      -- content/guide/intro.md --
      ---
      title: Introduction
      description: The first page.
      order: 1
      ---
      ## One

      Text with a [link home](../index.md).
      """;

  @Test
  void twoBuildsOfTheSameInputAreByteIdentical() throws IOException {
    Fixture fixture = Fixture.create(dir, SMALL_SITE);
    BuildResult first = fixture.build();
    assertFalse(first.failed(true), Fixture.lines(first).toString());
    Map<String, byte[]> firstFiles = readTree(fixture.path("site"));
    BuildResult second = fixture.build();
    assertFalse(second.failed(true));
    Map<String, byte[]> secondFiles = readTree(fixture.path("site"));
    assertEquals(firstFiles.keySet(), secondFiles.keySet());
    for (String file : firstFiles.keySet()) {
      assertArrayEquals(firstFiles.get(file), secondFiles.get(file), file);
    }
  }

  @Test
  void siteHasPrettyUrlsAndItsSupportFiles() throws IOException {
    Fixture fixture = Fixture.create(dir, SMALL_SITE);
    assertFalse(fixture.build().failed(true));
    for (String file :
        List.of(
            "index.html",
            "guide/index.html",
            "guide/intro/index.html",
            "glossary/index.html",
            "faq/index.html",
            "references/index.html",
            "404.html",
            "sitemap.xml",
            "robots.txt",
            ".nojekyll",
            "assets/style.css")) {
      assertTrue(Files.exists(fixture.path("site/" + file)), file);
    }
    String sitemap = fixture.read("site/sitemap.xml");
    assertTrue(sitemap.contains("<loc>https://example.org/guide/guide/intro/</loc>"), sitemap);
    String intro = fixture.read("site/guide/intro/index.html");
    assertTrue(intro.contains("<a href=\"../../\">link home</a>"), "relative link home");
    assertTrue(intro.contains("href=\"../../assets/style.css\""), "relative asset");
  }

  @Test
  void failedBuildLeavesThePreviousSiteUntouched() throws IOException {
    Fixture fixture = Fixture.create(dir, SMALL_SITE);
    assertFalse(fixture.build().failed(true));
    Map<String, byte[]> before = readTree(fixture.path("site"));
    fixture.write(
        """
        -- content/guide/intro.md --
        ---
        title: Introduction
        ---
        Broken: no description, and [[nowhere]].
        """);
    BuildResult failed = fixture.build();
    assertTrue(failed.failed(false));
    assertFalse(failed.written());
    Map<String, byte[]> after = readTree(fixture.path("site"));
    assertEquals(before.keySet(), after.keySet());
    for (String file : before.keySet()) {
      assertArrayEquals(before.get(file), after.get(file), file);
    }
    try (Stream<Path> leftovers = Files.list(dir)) {
      assertEquals(
          List.of(),
          leftovers
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(".site"))
              .toList());
    }
  }

  @Test
  void checkListsEveryErrorWithItsPositionAndExitsOne() throws IOException {
    Fixture fixture =
        Fixture.create(
            dir,
            SMALL_SITE
                + """
        -- content/guide/broken.md --
        ---
        title: Broken
        description: A page with five different errors.
        order: soon
        ---
        See [[no-such-page]] and [@nobody2020].

        A [missing file](missing.md) and ![](diagram.png).
        """);
    Fixture.CliRun run = fixture.cli("check");
    assertEquals(1, run.status(), run.err());
    List<String> expected =
        List.of(
            "content/guide/broken.md:4:8: error: 'order' must be a whole number, not 'soon'",
            "content/guide/broken.md:6:5: error: unknown wiki-link target 'no-such-page'",
            "content/guide/broken.md:6:26: error: unknown citation key 'nobody2020'",
            "content/guide/broken.md:8:3: error: link to 'missing.md', which is not a content file",
            "content/guide/broken.md:8:34: error: image 'diagram.png' has no alt text");
    for (String line : expected) {
      assertTrue(run.err().contains(line), "missing: " + line + "\n--- stderr ---\n" + run.err());
    }
    assertFalse(Files.exists(fixture.path("site")), "check writes nothing");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    Fixture fixture = Fixture.create(dir, SMALL_SITE);
    assertEquals(2, fixture.cli("build", "--no-such-option").status());
    assertEquals(2, fixture.cli("frobnicate").status());
  }

  @Test
  void githubActionsAnnotationsAreAddedUnderActions() {
    var formatter = new org.fieldguide.diag.DiagnosticFormatter(true);
    String out =
        formatter.format(
            new org.fieldguide.diag.Diagnostic(
                "content/a.md", 3, 5, org.fieldguide.diag.Severity.ERROR, "bad: thing, here"));
    assertEquals(
        "content/a.md:3:5: error: bad: thing, here\n::error file=content/a.md,line=3,col=5::bad: thing, here",
        out);
  }

  static Map<String, byte[]> readTree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
