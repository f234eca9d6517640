package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.SiteReader;
import org.fieldguide.html.BodyPostProcessor;
import org.fieldguide.markdown.MarkdownSetup;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.fieldguide.model.SourceRef;
import org.fieldguide.source.SourceFile;
import org.fieldguide.xref.PageLinker;
import org.fieldguide.xref.TargetIndex;
import org.fieldguide.xref.TermMatcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fuzzes the Markdown half of a page: CommonMark with our wiki links, citations and formulas, then
 * the page linker (wiki links, relative file links, citations, automatic term links, raw HTML
 * checks) against a small fixed site, then the body renderer and post-processor. Each input is
 * linked and rendered, or reported at positions inside the body, within five seconds; the rendered
 * body never holds a script element or an event-handler attribute.
 */
class MarkdownLinkFuzzTest {
  private static final int FIRST_LINE = 5;
  private static final MarkdownSetup MARKDOWN = new MarkdownSetup();
  private static final Site SITE = site();
  private static final PageLinker LINKER =
      new PageLinker(
          SITE,
          new TargetIndex(SITE),
          new TermMatcher(SITE.terms().values()),
          org.fieldguide.xref.KnownFiles.unknown());

  @FuzzTest(maxDuration = "60s")
  void parseLinkAndRender(byte[] input) {
    String body = FrontMatterFuzzTest.normalized(Hostile.utf8(input));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          Page page =
              new Page(
                  "guide/fuzzed",
                  PageKind.PAGE,
                  "guide/fuzzed/",
                  "guide",
                  "Fuzzed",
                  "A fuzzed page.",
                  1,
                  List.of(),
                  null,
                  false,
                  true,
                  FIRST_LINE,
                  new SourceRef("content/guide/fuzzed.md", 1, 1),
                  null);
          Diagnostics diagnostics = new Diagnostics();
          MARKDOWN
              .parseWithinLimits(
                  body,
                  line -> diagnostics.error(page.sourcePath(), FIRST_LINE + line, 1, "too deep"))
              .ifPresent(
                  document -> {
                    LINKER.link(page, document, diagnostics);
                    String html = MARKDOWN.render(document);
                    String processed = new BodyPostProcessor().process(html).html();
                    if (!diagnostics.hasErrors()) {
                      assertNoScript(processed);
                    }
                  });
          long lines = body.chars().filter(c -> c == '\n').count() + 1;
          for (Diagnostic d : diagnostics.all()) {
            assertEquals(page.sourcePath(), d.path(), d.toString());
            assertTrue(
                d.line() >= FIRST_LINE && d.line() <= FIRST_LINE + lines,
                "line outside the body: " + d);
            assertTrue(d.column() >= 1, "no column: " + d);
          }
        });
  }

  /** No script element, no event handler, no script address, anywhere in the HTML. */
  static void assertNoScript(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    assertTrue(doc.select("script, iframe, object, embed, base, meta, link, form").isEmpty(), html);
    doc.getAllElements()
        .forEach(
            e ->
                e.attributes()
                    .forEach(
                        a -> {
                          String value =
                              a.getValue()
                                  .toLowerCase(java.util.Locale.ROOT)
                                  .replaceAll("[\\s\\x00-\\x20]", "");
                          assertTrue(
                              !a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"),
                              "event handler in " + html);
                          assertTrue(
                              !value.startsWith("javascript:")
                                  && !value.startsWith("vbscript:")
                                  && !value.startsWith("data:text/html"),
                              "script address in " + html);
                        }));
  }

  private static Site site() {
    List<SourceFile> files =
        List.of(
            file(
                "site.yaml",
                "title: T\ndescription: D\nbase_url: https://example.org/\nlanguage: en\n"),
            file("index.md", "---\ntitle: Home\ndescription: Home.\n---\nHome.\n"),
            file(
                "guide/index.md",
                "---\ntitle: Guide\ndescription: Guide.\n---\n## Start\nGuide.\n"),
            file("guide/fuzzed.md", "---\ntitle: Fuzzed\ndescription: A fuzzed page.\n---\n"),
            file(
                "glossary/induction-head.md",
                "---\nterm: Induction head\nshort: A head.\nkind: behavioral\n"
                    + "aliases: [induction heads, IH]\n---\nBody.\n"),
            file(
                "data/sources.yaml",
                "olsson2022:\n  title: Heads\n  year: 2022\nbai2022cai:\n  title: CAI\n  year: 2022\n"));
    Diagnostics diagnostics = new Diagnostics();
    Site site =
        new SiteReader(false, new org.fieldguide.frontmatter.ReadCache())
            .read(files, null, "content/site.yaml", diagnostics)
            .orElseThrow();
    assertTrue(!diagnostics.hasErrors(), diagnostics.all().toString());
    return site;
  }

  private static SourceFile file(String contentPath, String text) {
    return new SourceFile(
        "content/" + contentPath, contentPath, Path.of("content", contentPath), text);
  }
}
