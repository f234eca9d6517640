package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.fieldguide.output.SiteWriter;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a write that fails at any stage (before the staging folder exists, while files go
 * into it, at the swap) or a build killed part-way leaves the previous {@code site/} exactly as it
 * was, and leaves no half-written site in its place. (The tests run as root here, so read-only
 * folders would not stop a write; each failure is forced by what stands in the writer's way.)
 */
class AtomicWriteTest {
  @TempDir Path dir;
  private Path site;
  private Set<String> previous;

  @BeforeEach
  void previousSite() throws IOException {
    site = dir.resolve("site");
    Files.createDirectories(site.resolve("old"));
    Files.writeString(site.resolve("index.html"), "previous");
    Files.writeString(site.resolve("old/page.html"), "previous page");
    previous = Hostile.tree(site);
  }

  private void assertPreviousSiteIntact() throws IOException {
    assertEquals(previous, Hostile.tree(site));
    assertEquals("previous", Files.readString(site.resolve("index.html")));
    try (var entries = Files.list(dir)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(
          names.stream().noneMatch(n -> n.startsWith(".site.")),
          "a staging or old folder was left: " + names);
    }
  }

  private static SortedMap<String, byte[]> files(String... paths) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    for (String p : paths) {
      out.put(p, p.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void aFailureWhileFilesGoIntoTheStagingFolderKeepsThePreviousSite() throws IOException {
    // "a.html" is written first, then "a.html/b.html" needs it to be a folder.
    assertThrows(
        IOException.class,
        () -> new SiteWriter(site).write(files("a.html", "a.html/b.html", "z.html")));
    assertPreviousSiteIntact();
  }

  @Test
  void aPathLeavingTheOutputFolderIsRefusedAndNothingIsWritten() throws IOException {
    assertThrows(
        IOException.class,
        () -> new SiteWriter(site).write(files("index.html", "../escaped.html")));
    assertFalse(Files.exists(dir.resolve("escaped.html")));
    assertPreviousSiteIntact();
  }

  @Test
  void anOutputThatIsAFileIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "keep me");
    assertThrows(IOException.class, () -> new SiteWriter(file).write(files("index.html")));
    assertEquals("keep me", Files.readString(file));
    assertPreviousSiteIntact();
  }

  @Test
  void anOutputWhoseParentIsAFileIsAnErrorOfTheBuild() throws IOException {
    Fixture.create(dir.resolve("project"), Hostile.BASE);
    Files.writeString(dir.resolve("blocker"), "a file where the output's parent folder would go");
    BuildResult result =
        new Build(
                BuildOptions.defaults(dir.resolve("project"))
                    .withVersion("t")
                    .withOut(dir.resolve("blocker/site")))
            .run();
    assertFalse(result.written());
    assertTrue(Hostile.lines(result).contains("cannot write the site"), Hostile.lines(result));
    assertPreviousSiteIntact();
  }

  @Test
  void aBuildWithContentErrorsLeavesThePreviousSiteAndWritesNothing() throws IOException {
    Fixture.create(dir.resolve("project"), Hostile.BASE)
        .write("-- content/guide/broken.md --\n---\ntitle: [\n---\n");
    BuildResult result =
        new Build(BuildOptions.defaults(dir.resolve("project")).withVersion("t").withOut(site))
            .run();
    assertFalse(result.written());
    assertPreviousSiteIntact();
  }

  @Test
  void anOutputFolderThatHoldsOrLiesInTheSourcesIsRefused() throws IOException {
    Path project = dir.resolve("project");
    Fixture.create(project, Hostile.BASE);
    Set<String> before = Hostile.tree(project);
    for (Path out :
        List.of(
            project,
            project.resolve("content"),
            project.resolve("templates"),
            project.resolve("content/site"),
            project.resolve("templates/assets"),
            dir)) {
      BuildResult result =
          new Build(BuildOptions.defaults(project).withVersion("t").withOut(out)).run();
      assertFalse(result.written(), out.toString());
      assertTrue(
          Hostile.lines(result).contains("choose a folder of its own such as site/"),
          Hostile.lines(result));
      assertEquals(before, Hostile.tree(project), "the sources changed after --out " + out);
    }
    assertPreviousSiteIntact();
  }

  /**
   * The CLI in a child JVM, killed (SIGKILL, no shutdown hooks) at several moments of a build of
   * the real templates: each time, site/ is either the previous site or a whole new one.
   */
  @Test
  void aBuildKilledAtAnyMomentLeavesAWholeSite() throws Exception {
    Path project = dir.resolve("project");
    Fixture.create(project, Hostile.BASE);
    Path out = project.resolve("site");
    Fixture.copyTree(site, out);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (long delay : new long[] {1_500, 3_000, 4_500}) {
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Djava.awt.headless=true",
                  "org.fieldguide.cli.Main",
                  "build",
                  "--project",
                  project.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (process.waitFor(delay, TimeUnit.MILLISECONDS)) {
        assertEquals(
            0, process.exitValue(), "the build finished before the kill, and must have succeeded");
      } else {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Set<String> now = Hostile.tree(out);
      boolean old = now.equals(previous);
      boolean whole =
          now.contains("index.html")
              && now.contains("sitemap.xml")
              && now.contains("search-index.json")
              && now.contains("guide/page/index.html")
              && !now.contains("old/page.html");
      assertTrue(
          old || whole,
          "killed after "
              + delay
              + " ms, site/ is neither the previous site nor a whole one: "
              + now);
      if (whole) {
        Hostile.assertOnlyTemplateScripts(Files.readString(out.resolve("index.html")));
        SiteWriterReset.reset(out, site);
      }
    }
  }

  /** Puts the previous site back after a kill that came too late to stop the swap. */
  private static final class SiteWriterReset {
    static void reset(Path out, Path previous) throws IOException {
      try (var walk = Files.walk(out)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      Fixture.copyTree(previous, out);
    }
  }
}
