package org.fieldguide.drawing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawing cache file ({@link DrawingStore}, {@link DrawingCache#load}, {@link
 * DrawingCache#save}): a build that takes its formulas and diagrams from the file writes exactly
 * what a build that draws them writes, and a file of other code, or a damaged one, is ignored.
 */
class DrawingCacheTest {
  @TempDir Path dir;

  private static final String PROJECT =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      The loss is $L = -\\log \\sigma(r_w - r_l)$, and in display:

      $$\\max_\\pi \\; \\mathbb{E}[r(x, y)] - \\beta \\, \\mathrm{KL}(\\pi \\| \\pi_{\\mathrm{ref}})$$

      ```diagram
      title: Two steps
      nodes:
        a: {label: "First"}
        b: {label: "Second"}
      edges:
        - {from: a, to: b, label: "then"}
      ```
      """;

  /** Where the fixture project's builds keep their drawings. */
  private Path cache() {
    return dir.resolve("p/.fieldguide-cache/drawings.bin");
  }

  /** Writes the fixture project under {@code p/}; the options build it with the drawing cache. */
  private BuildOptions project() throws IOException {
    Fixture.create(dir.resolve("p"), PROJECT);
    return BuildOptions.defaults(dir.resolve("p")).withVersion("t").withDrawingCache(cache());
  }

  @Test
  void aBuildFromTheFileWritesWhatABuildThatDrawsWrites() throws IOException {
    BuildOptions options = project();
    Path cache = cache();
    BuildResult drawn = new Build(options.withOut(dir.resolve("drawn"))).run();
    assertTrue(drawn.written(), () -> drawn.diagnostics().all().toString());
    assertTrue(Files.isRegularFile(cache), "the first build leaves its drawings");
    String stamp = DrawingStore.stamp("t").orElseThrow();
    DrawingStore.Contents contents = DrawingStore.read(cache, stamp).orElseThrow();
    assertEquals(2, contents.formulas().size(), contents.formulas().keySet().toString());
    assertEquals(1, contents.diagrams().size());

    // The second build draws nothing: every drawing comes from the file, and it leaves the file
    // alone.
    long before = Files.getLastModifiedTime(cache).toMillis();
    Files.setLastModifiedTime(cache, java.nio.file.attribute.FileTime.fromMillis(before - 10_000));
    BuildResult fromFile = new Build(options.withOut(dir.resolve("from-file"))).run();
    assertTrue(fromFile.written());
    assertEquals(
        before - 10_000, Files.getLastModifiedTime(cache).toMillis(), "nothing new to save");
    BuildResult uncached =
        new Build(options.withDrawingCache(null).withOut(dir.resolve("uncached"))).run();
    assertSameTree(dir.resolve("drawn"), dir.resolve("from-file"));
    assertSameTree(dir.resolve("drawn"), dir.resolve("uncached"));
    assertTrue(
        Files.readString(dir.resolve("from-file/index.html")).contains("<svg"),
        "the formulas are drawn");
  }

  @Test
  void aDrawingTakenFromTheFileIsUsedAsItIs() throws IOException {
    // Proof that the build does read the file: a drawing planted in it shows up on the page.
    BuildOptions options = project();
    Path cache = cache();
    assertTrue(new Build(options.withOut(dir.resolve("a"))).run().written());
    String stamp = DrawingStore.stamp("t").orElseThrow();
    DrawingStore.Contents contents = DrawingStore.read(cache, stamp).orElseThrow();
    Map<String, String> planted = new TreeMap<>(contents.formulas());
    planted.replaceAll(
        (key, html) -> key.startsWith("I") ? "<span class=\"planted\">x</span>" : html);
    assertTrue(
        DrawingStore.write(cache, stamp, new DrawingStore.Contents(planted, contents.diagrams())));
    assertTrue(new Build(options.withOut(dir.resolve("b"))).run().written());
    assertTrue(
        Files.readString(dir.resolve("b/index.html")).contains("<span class=\"planted\">x</span>"));

    // Under another stamp (other code), the same file is not used.
    assertTrue(
        DrawingStore.write(
            cache, "other code", new DrawingStore.Contents(planted, contents.diagrams())));
    assertTrue(new Build(options.withOut(dir.resolve("c"))).run().written());
    assertFalse(Files.readString(dir.resolve("c/index.html")).contains("planted"));
    assertSameTree(dir.resolve("a"), dir.resolve("c"));
    assertTrue(
        DrawingStore.read(cache, stamp).isPresent(),
        "the build replaced the other code's file with its own");
  }

  @Test
  void aDamagedFileIsIgnoredAndReplaced() throws IOException {
    BuildOptions options = project();
    Path cache = cache();
    assertTrue(new Build(options.withOut(dir.resolve("a"))).run().written());
    byte[] whole = Files.readAllBytes(cache);
    String stamp = DrawingStore.stamp("t").orElseThrow();
    for (int cut : List.of(0, 3, 20, whole.length / 2, whole.length - 1)) {
      Files.write(cache, java.util.Arrays.copyOf(whole, cut));
      assertEquals(Optional.empty(), DrawingStore.read(cache, stamp), "cut at " + cut);
      BuildResult again = new Build(options.withOut(dir.resolve("b" + cut))).run();
      assertTrue(again.written(), () -> again.diagnostics().all().toString());
      assertTrue(again.diagnostics().all().isEmpty(), () -> again.diagnostics().all().toString());
      assertSameTree(dir.resolve("a"), dir.resolve("b" + cut));
      assertArrayEquals(
          whole, Files.readAllBytes(cache), "rewritten whole after the cut at " + cut);
    }
    Files.writeString(cache, "not a drawing cache at all");
    assertTrue(new Build(options.withOut(dir.resolve("garbage"))).run().written());
    assertSameTree(dir.resolve("a"), dir.resolve("garbage"));
  }

  @Test
  void theFileKeepsOnlyWhatTheLastBuildUsed() throws IOException {
    BuildOptions options = project();
    Path cache = cache();
    assertTrue(new Build(options.withOut(dir.resolve("a"))).run().written());
    Files.writeString(
        dir.resolve("p/content/index.md"),
        "---\ntitle: Home\ndescription: The home page.\n---\nOnly $x^2$ now.\n");
    assertTrue(new Build(options.withOut(dir.resolve("b"))).run().written());
    DrawingStore.Contents contents =
        DrawingStore.read(cache, DrawingStore.stamp("t").orElseThrow()).orElseThrow();
    assertEquals(List.of("Ix^2"), List.copyOf(contents.formulas().keySet()));
    assertEquals(Map.of(), contents.diagrams());
  }

  @Test
  void aMalformedFormulaIsReportedOnEveryBuildAndNeverStored() throws IOException {
    BuildOptions options = project();
    Path cache = cache();
    Files.writeString(
        dir.resolve("p/content/index.md"),
        "---\ntitle: Home\ndescription: The home page.\n---\nBroken $x^$ here.\n");
    for (int i = 0; i < 2; i++) {
      BuildResult failed = new Build(options.withOut(dir.resolve("x" + i))).run();
      assertFalse(failed.written());
      assertTrue(
          failed.diagnostics().all().stream()
              .anyMatch(d -> d.message().startsWith("malformed formula")),
          failed.diagnostics().all().toString());
    }
    assertFalse(Files.exists(cache), "nothing was drawn, so nothing was stored");
  }

  private static void assertSameTree(Path a, Path b) throws IOException {
    SortedMap<String, byte[]> x = tree(a);
    SortedMap<String, byte[]> y = tree(b);
    assertEquals(x.keySet(), y.keySet());
    for (String path : x.keySet()) {
      assertArrayEquals(x.get(path), y.get(path), path);
    }
  }

  private static SortedMap<String, byte[]> tree(Path root) throws IOException {
    SortedMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
