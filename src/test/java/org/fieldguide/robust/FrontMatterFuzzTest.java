package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.FrontMatterSplitter;
import org.fieldguide.frontmatter.SiteReader;
import org.fieldguide.frontmatter.YamlMap;
import org.fieldguide.model.Site;
import org.fieldguide.source.SourceFile;

/**
 * Fuzzes the front-matter reader: the same text is read as every kind of content file (page, term,
 * FAQ page, flowchart page, sources, data table, site configuration), and split and parsed as front
 * matter on its own. Each read either yields a site or reports errors at positions inside the file,
 * within five seconds, and throws nothing.
 */
class FrontMatterFuzzTest {
  private static final List<String> ROLES =
      List.of(
          "guide/page.md",
          "glossary/term.md",
          "faq/questions.md",
          "flowcharts/chart.md",
          "data/sources.yaml",
          "data/table.yaml",
          "site.yaml");
  private static final String SITE_YAML =
      "title: T\ndescription: D\nbase_url: https://example.org/\nlanguage: en\n";

  @FuzzTest(maxDuration = "60s")
  void everyKindOfContentFile(byte[] input) {
    String text = normalized(Hostile.utf8(input));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (String role : ROLES) {
            readAs(role, text);
          }
          Diagnostics diagnostics = new Diagnostics();
          FrontMatterSplitter.split("content/x.md", text, diagnostics)
              .ifPresent(
                  fm -> YamlMap.parse("content/x.md", fm.yaml(), fm.yamlFirstLine(), diagnostics));
          assertPositionsInside(diagnostics, text, "content/x.md");
        });
  }

  private static void readAs(String role, String text) {
    List<SourceFile> files = new ArrayList<>();
    if (!role.equals("site.yaml")) {
      files.add(
          new SourceFile(
              "content/site.yaml", "site.yaml", Path.of("content/site.yaml"), SITE_YAML));
    }
    files.add(new SourceFile("content/" + role, role, Path.of("content/" + role), text));
    Diagnostics diagnostics = new Diagnostics();
    Optional<Site> site =
        new SiteReader(true, new org.fieldguide.frontmatter.ReadCache())
            .read(files, null, "content/site.yaml", diagnostics);
    assertTrue(site.isPresent() || diagnostics.hasErrors(), "no site and no error for " + role);
    assertPositionsInside(diagnostics, text, "content/" + role, "content/site.yaml");
  }

  /**
   * Every diagnostic names one of {@code paths}, at line 0 (the whole file) or a line of the file.
   */
  static void assertPositionsInside(Diagnostics diagnostics, String text, String... paths) {
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    for (Diagnostic d : diagnostics.all()) {
      assertTrue(List.of(paths).contains(d.path()), "diagnostic for an unexpected file: " + d);
      assertTrue(
          d.line() >= 0 && d.line() <= lines + 1,
          "line outside the file (" + lines + " lines): " + d);
      assertTrue(d.column() >= 0, "negative column: " + d);
      assertTrue(!d.message().isBlank(), "empty message: " + d);
    }
  }

  /** What the loader does to every file: drop a byte-order mark, turn CRLF and CR into LF. */
  static String normalized(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return t.replace("\r\n", "\n").replace('\r', '\n');
  }
}
