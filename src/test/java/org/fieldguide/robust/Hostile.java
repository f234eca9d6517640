package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Severity;
import org.fieldguide.pipeline.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every robustness test checks about a build's outcome, and small helpers for hostile
 * projects.
 */
final class Hostile {
  /**
   * A site configuration and the pages most tests start from: a home page, one term and one source.
   */
  static final String BASE =
      """
      -- content/site.yaml --
      title: Test Guide
      description: A guide used by the tests.
      base_url: https://example.org/guide/
      repository: https://github.com/example/guide
      language: en
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Welcome. See [[guide/page]] and [[induction head]].
      -- content/guide/index.md --
      ---
      title: Guide
      description: The guide section.
      ---
      The guide.
      -- content/guide/page.md --
      ---
      title: A page
      description: A page of the guide.
      ---
      A page.
      -- content/glossary/induction-head.md --
      ---
      term: Induction head
      short: An attention head that continues a repeated pattern.
      kind: behavioral
      aliases: [induction heads]
      sources: [olsson2022]
      ---
      An induction head copies [@olsson2022].
      -- content/data/sources.yaml --
      olsson2022:
        authors: [Catherine Olsson, et al.]
        title: In-context Learning and Induction Heads
        year: 2022
        url: https://arxiv.org/abs/2209.11895
      """;

  private Hostile() {}

  /**
   * The build either succeeded, or failed with errors that each name a file of the project (and,
   * where the file has lines, a position in it); nothing but content diagnostics came out.
   */
  static void assertBuiltOrReported(BuildResult result) {
    List<Diagnostic> all = result.diagnostics().all();
    if (!result.failed(false)) {
      return;
    }
    assertTrue(result.diagnostics().hasErrors(), "a failed build must report why: " + all);
    for (Diagnostic d : all) {
      assertFalse(d.path().isBlank(), "a diagnostic without a file: " + d);
      assertFalse(d.message().isBlank(), "a diagnostic without a message: " + d);
      assertTrue(d.line() >= 0 && d.column() >= 0, "a negative position: " + d);
      assertTrue(d.severity() == Severity.ERROR || d.severity() == Severity.WARNING, d.toString());
    }
  }

  /** Every file and folder under {@code root}, relative, except under the {@code skip} folders. */
  static Set<String> tree(Path root, String... skip) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty()) {
          continue;
        }
        boolean skipped = false;
        for (String s : skip) {
          skipped |= rel.equals(s) || rel.startsWith(s + "/");
        }
        if (!skipped) {
          out.add(rel);
        }
      }
    }
    return out;
  }

  /**
   * A whole page has no script but the template's own: {@code <script src=".../assets/….js">} and
   * the JSON-LD block; no element anywhere has an event handler or a script address.
   */
  static void assertOnlyTemplateScripts(String html) {
    Document doc = Jsoup.parse(html);
    for (Element script : doc.select("script")) {
      boolean asset =
          script.attr("src").matches("(\\./|(\\.\\./)*|(/[a-z0-9_-]+)*/)assets/[a-z-]+\\.js")
              && script.data().isEmpty();
      boolean jsonLd = script.attr("type").equals("application/ld+json") && !script.hasAttr("src");
      assertTrue(asset || jsonLd, "a script the templates do not write: " + script.outerHtml());
      assertTrue(
          script.parents().stream().noneMatch(p -> p.tagName().equals("main")),
          "a script inside <main>");
    }
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String value = a.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\x00-\\x20]", "");
        assertFalse(
            a.getKey().toLowerCase(Locale.ROOT).startsWith("on"),
            "event handler " + a + " on " + e.tagName());
        assertFalse(
            value.startsWith("javascript:")
                || value.startsWith("vbscript:")
                || value.startsWith("data:text/html"),
            "script address " + a + " on " + e.tagName());
      }
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String lines(BuildResult result) {
    StringBuilder out = new StringBuilder();
    for (String line : org.fieldguide.testing.Fixture.lines(result)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
