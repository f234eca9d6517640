package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.SiteReader;
import org.fieldguide.model.Site;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.source.Limits;
import org.fieldguide.source.SourceFile;
import org.fieldguide.testing.Fixture;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge and deeply nested input: each case builds in bounded time and memory, or stops with one
 * clear error that names the limit ({@link Limits}). No StackOverflowError or OutOfMemoryError
 * reaches the caller (the build runs here with the suite's 1 GB heap).
 */
class SizeLimitsTest {
  private static final String FRONT = "---\ntitle: Big\ndescription: A big page.\n---\n";

  @TempDir Path dir;

  private BuildResult checkPage(String body) throws IOException {
    Fixture.create(dir, Hostile.BASE).write("-- content/guide/big.md --\n" + FRONT + body);
    return timed(dir);
  }

  private static BuildResult timed(Path root) {
    BuildResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> new Build(BuildOptions.defaults(root).withVersion("t").withWrite(false)).run());
    Hostile.assertBuiltOrReported(result);
    return result;
  }

  private static void assertOnly(BuildResult result, String location, String message) {
    String lines = Hostile.lines(result);
    assertEquals(
        location + ": error: " + message + "\n",
        lines.replaceAll("(?m)^.*warning:.*\n", ""),
        lines);
  }

  @Test
  void aFiftyMegabytePageIsRefusedBeforeItIsRead() throws IOException {
    Fixture.create(dir, Hostile.BASE);
    try (java.io.RandomAccessFile file =
        new java.io.RandomAccessFile(dir.resolve("content/guide/big.md").toFile(), "rw")) {
      file.write(FRONT.getBytes(StandardCharsets.UTF_8));
      file.setLength(50L * 1024 * 1024);
    }
    assertOnly(
        timed(dir),
        "content/guide/big.md",
        "this file is 50 MB; files are limited to 10 MB; split it into several pages");
  }

  @Test
  void tenThousandNestedBlockQuotesAreAnErrorAtTheirLine() throws IOException {
    // The parser itself runs out of stack this deep; the error names the line that nests the most.
    assertOnly(
        checkPage("Intro.\n\n" + ">".repeat(10_000) + " deep\n\nOutro.\n"),
        "content/guide/big.md:7:1",
        Limits.markdownTooDeep());
  }

  @Test
  void tenThousandNestedListItemsAreAnError() throws IOException {
    assertOnly(
        checkPage("- ".repeat(10_000) + "deep\n"),
        "content/guide/big.md:5:1",
        Limits.markdownTooDeep());
    StringBuilder indented = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      indented.append("  ".repeat(i)).append("- item\n");
    }
    Fixture.create(dir.resolve("second"), Hostile.BASE)
        .write("-- content/guide/big.md --\n" + FRONT + indented);
    assertTrue(Hostile.lines(timed(dir.resolve("second"))).contains(Limits.markdownTooDeep()));
  }

  @Test
  void tenThousandNestedEmphasesAreAnError() throws IOException {
    assertOnly(
        checkPage("*".repeat(10_000) + "x" + "*".repeat(10_000) + "\n"),
        "content/guide/big.md:5:1",
        Limits.markdownTooDeep());
  }

  @Test
  void nestingWithinTheLimitBuilds() throws IOException {
    BuildResult result =
        checkPage(
            ">".repeat(60)
                + " quoted\n\n"
                + "- ".repeat(60)
                + "listed\n\n"
                + "*".repeat(60)
                + "x"
                + "*".repeat(60)
                + "\n");
    assertFalse(result.failed(false), Hostile.lines(result));
  }

  @Test
  void aLineOfOneMegabyteBuilds() throws IOException {
    BuildResult result = checkPage("word ".repeat(200_000) + "[[guide]]\n");
    assertFalse(result.failed(false), Hostile.lines(result));
  }

  @Test
  void deeplyNestedYamlIsAnErrorAtItsPosition() throws IOException {
    Fixture.create(dir, Hostile.BASE)
        .write(
            "-- content/guide/big.md --\n---\ntitle: "
                + "[".repeat(100_000)
                + "]".repeat(100_000)
                + "\ndescription: d\n---\nx\n");
    assertOnly(timed(dir), "content/guide/big.md:2:107", Limits.yamlTooDeep());
  }

  @Test
  void deeplyNestedFormulasAreAnError() throws IOException {
    BuildResult result =
        checkPage(
            "$"
                + "{".repeat(20_000)
                + "x"
                + "}".repeat(20_000)
                + "$ and $"
                + "\\sqrt{".repeat(3_000)
                + "x"
                + "}".repeat(3_000)
                + "$\n");
    assertTrue(
        Hostile.lines(result)
            .contains(
                "content/guide/big.md:5:1: error: this formula nests braces, fractions or roots"
                    + " too deeply to typeset"),
        Hostile.lines(result));
  }

  @Test
  void aFlowchartOfFiveThousandNodesIsAnErrorNamingTheLimit() throws IOException {
    StringBuilder chart = new StringBuilder("```flowchart\nstart: n0\nnodes:\n");
    for (int i = 0; i < 5_000; i++) {
      chart
          .append("  n")
          .append(i)
          .append(":\n    ask: Question ")
          .append(i)
          .append("?\n    answers:\n")
          .append("      - {label: a, to: n")
          .append(i + 1)
          .append("}\n      - {label: b, to: out}\n");
    }
    chart.append("  out:\n    outcome: Done\n    link: ../index.md\n```\n");
    Fixture.create(dir, Hostile.BASE).write("-- content/flowcharts/huge.md --\n" + FRONT + chart);
    assertOnly(
        timed(dir), "content/flowcharts/huge.md:8:3", Limits.tooManyChartNodes("flowchart", 5_001));
  }

  @Test
  void aDiagramOverTheArrowLimitIsAnError() throws IOException {
    StringBuilder chart =
        new StringBuilder("```diagram\ntitle: Dense\nnodes: {a: A, b: B}\nedges:\n");
    chart.append("  - {from: a, to: b}\n".repeat(Limits.MAX_CHART_EDGES + 1)).append("```\n");
    assertOnly(
        checkPage(chart.toString()),
        "content/guide/big.md:9:3",
        Limits.tooManyChartEdges("diagram", Limits.MAX_CHART_EDGES + 1));
  }

  @Test
  void tenThousandFilesInOneFolderStopWithAnErrorNamingTheLimit() throws IOException {
    Fixture fixture = Fixture.create(dir, Hostile.BASE);
    Path folder = dir.resolve("content/notes");
    Files.createDirectories(folder);
    for (int i = 0; i < 10_000; i++) {
      Files.writeString(
          folder.resolve("n" + i + ".md"),
          "---\ntitle: Note " + i + "\ndescription: Note " + i + ".\n---\nx\n");
    }
    assertEquals(fixture.root(), dir);
    assertOnly(timed(dir), "content/notes", Limits.sectionTooLarge(10_000));
  }

  /**
   * A hundred thousand glossary terms, read and indexed at the reader and matcher level (a full
   * render writes a page per term, which takes minutes): the site model is read, every name is
   * indexed, and a page of prose is matched against all of them, each in bounded time.
   */
  @Test
  void aHundredThousandGlossaryTermsAreReadIndexedAndMatchedInBoundedTime() {
    List<SourceFile> files = new ArrayList<>();
    files.add(
        new SourceFile(
            "content/site.yaml",
            "site.yaml",
            Path.of("content/site.yaml"),
            "title: T\ndescription: D\nbase_url: https://example.org/\nlanguage: en\n"));
    for (int i = 0; i < 100_000; i++) {
      String path = "glossary/term-" + i + ".md";
      files.add(
          new SourceFile(
              "content/" + path,
              path,
              Path.of("content", path),
              "---\nterm: Term number "
                  + i
                  + "\nshort: The term numbered "
                  + i
                  + ".\nkind: behavioral\naliases: [alias "
                  + i
                  + "]\n---\nBody.\n"));
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(40),
        () -> {
          Diagnostics diagnostics = new Diagnostics();
          Site site =
              new SiteReader(false, new org.fieldguide.frontmatter.ReadCache())
                  .read(files, null, "content/site.yaml", diagnostics)
                  .orElseThrow();
          assertFalse(diagnostics.hasErrors(), () -> diagnostics.all().subList(0, 3).toString());
          assertEquals(100_000, site.terms().size());
          TargetIndex targets = new TargetIndex(site);
          TermMatcher matcher = new TermMatcher(site.terms().values());
          String prose = "Here term number 99999 meets alias 5 and plain words. ".repeat(200);
          assertEquals(400, matcher.find(prose).size());
          assertTrue(targets.lookup("term number 12345").found());
        });
  }
}
