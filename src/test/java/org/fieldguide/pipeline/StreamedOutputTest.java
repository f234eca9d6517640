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
import java.util.SortedMap;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build without {@link BuildOptions#keepOutput} (the command line's {@code build} and {@code
 * check}) writes each page into the staging folder as soon as it is made instead of holding it: it
 * must write exactly what a build that keeps its output writes, and a build that fails after its
 * pages went into the staging folder must still leave the previous site as it was.
 */
class StreamedOutputTest {
  @TempDir Path dir;

  private static final String PROJECT =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome. See [[guide/page]], [the other page](guide/other.md#second) and [[induction head]].
      -- content/guide/index.md --
      ---
      title: Guide
      description: The guide section.
      ---
      The guide: [[guide/page]] and [[guide/other]].
      -- content/guide/page.md --
      ---
      title: A page
      description: A page of the guide.
      ---
      ## First

      A page that mentions induction heads [@olsson2022].
      -- content/guide/other.md --
      ---
      title: Another page
      description: Another page of the guide.
      ---
      ## Second

      Back to [[guide/page#first]].
      -- content/glossary/induction-head.md --
      ---
      term: Induction head
      short: An attention head that continues a repeated pattern.
      kind: behavioral
      ---
      A head that copies what followed an earlier occurrence of the current token.
      -- content/data/sources.yaml --
      olsson2022:
        title: In-context Learning and Induction Heads
        authors: [Catherine Olsson]
        year: 2022
        url: https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html
      """;

  private BuildOptions options(Path project, Path out, boolean keep) {
    return BuildOptions.defaults(project).withVersion("t").withOut(out).withKeepOutput(keep);
  }

  @Test
  void aStreamedBuildWritesWhatAKeptBuildWrites() throws IOException {
    Path project = dir.resolve("project");
    Fixture.create(project, PROJECT);
    BuildResult kept = new Build(options(project, dir.resolve("kept"), true)).run();
    BuildResult streamed = new Build(options(project, dir.resolve("streamed"), false)).run();
    assertEquals(List.of(), kept.diagnostics().all().stream().map(Diagnostic::toString).toList());
    assertEquals(
        List.of(), streamed.diagnostics().all().stream().map(Diagnostic::toString).toList());
    assertTrue(kept.written() && streamed.written());

    SortedMap<String, byte[]> onDisk = tree(dir.resolve("streamed"));
    assertEquals(kept.files().keySet(), onDisk.keySet());
    assertEquals(kept.files().keySet(), streamed.paths());
    assertEquals(kept.files().keySet(), kept.paths());
    for (Map.Entry<String, byte[]> file : kept.files().entrySet()) {
      assertArrayEquals(file.getValue(), onDisk.get(file.getKey()), file.getKey());
      assertArrayEquals(
          file.getValue(),
          Files.readAllBytes(dir.resolve("kept").resolve(file.getKey())),
          file.getKey());
    }
    // The streamed build did not hold its pages.
    assertFalse(streamed.files().containsKey("guide/page/index.html"));
    assertFalse(streamed.files().containsKey("index.html"));
    assertNoStagingLeft();
  }

  @Test
  void theRealSiteStreamedIsTheRealSiteKept() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    BuildOptions real = BuildOptions.defaults(root).withVersion("t");
    BuildResult kept = new Build(real.withOut(dir.resolve("kept"))).run();
    BuildResult streamed =
        new Build(real.withOut(dir.resolve("streamed")).withKeepOutput(false)).run();
    assertTrue(kept.written() && streamed.written(), () -> streamed.diagnostics().all().toString());
    assertEquals(tree(dir.resolve("kept")).keySet(), tree(dir.resolve("streamed")).keySet());
    SortedMap<String, byte[]> a = tree(dir.resolve("kept"));
    SortedMap<String, byte[]> b = tree(dir.resolve("streamed"));
    for (String path : a.keySet()) {
      assertArrayEquals(a.get(path), b.get(path), path);
    }
    assertNoStagingLeft();
  }

  @Test
  void aLinkErrorFoundAfterThePagesWereStreamedLeavesThePreviousSite() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), PROJECT);
    // A broken link in the layout is found only by the site-wide check, after every page was made.
    String layout = Files.readString(dir.resolve("project/templates/layout.mustache"));
    BuildResult failed =
        failAfterABuild(
            fixture,
            "-- content/guide/page.md --\n---\ntitle: A page, edited\n"
                + "description: Edited.\n---\n## First\n\nEdited.\n-- templates/layout.mustache --\n"
                + layout.replace("<main ", "<a href=\"{{root}}nowhere/\">x</a><main "),
            false);
    assertTrue(
        failed.diagnostics().all().stream()
            .anyMatch(d -> d.message().contains("/nowhere/index.html")),
        failed.diagnostics().all().toString());
  }

  @Test
  void aStrictBuildWithAWarningLeavesThePreviousSite() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), PROJECT);
    // A page no other page links to: a warning, which --strict makes an error.
    BuildResult failed =
        failAfterABuild(
            fixture,
            "-- content/guide/lonely.md --\n---\ntitle: Lonely\ndescription: Linked from nowhere.\n---\nAlone.\n",
            true);
    assertTrue(failed.diagnostics().hasWarnings());
  }

  /**
   * Builds the project into site/, writes {@code edit} and builds again, streaming; the second
   * build must fail and leave site/ as the first left it, and no staging folder.
   */
  private BuildResult failAfterABuild(Fixture fixture, String edit, boolean strict)
      throws IOException {
    Path project = dir.resolve("project");
    Path out = dir.resolve("site");
    assertTrue(new Build(options(project, out, false)).run().written());
    SortedMap<String, byte[]> previous = tree(out);
    fixture.write(edit);
    BuildResult failed = new Build(options(project, out, false).withStrict(strict)).run();
    assertFalse(failed.written());
    assertTrees(previous, tree(out));
    assertNoStagingLeft();
    return failed;
  }

  @Test
  void aCheckWritesNothing() throws IOException {
    Path project = dir.resolve("project");
    Fixture.create(project, PROJECT);
    Path out = dir.resolve("site");
    BuildResult checked = new Build(options(project, out, false).withWrite(false)).run();
    assertFalse(checked.written());
    assertEquals(List.of(), checked.diagnostics().all());
    assertTrue(checked.paths().contains("guide/other/index.html"));
    assertFalse(Files.exists(out));
    assertNoStagingLeft();
  }

  private void assertNoStagingLeft() throws IOException {
    try (var entries = Files.list(dir)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(
          names.stream().noneMatch(n -> n.startsWith(".")),
          "a staging or old folder was left: " + names);
    }
  }

  private static void assertTrees(
      SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String path : expected.keySet()) {
      assertArrayEquals(expected.get(path), actual.get(path), path);
    }
  }

  private static SortedMap<String, byte[]> tree(Path root) throws IOException {
    SortedMap<String, byte[]> out = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
