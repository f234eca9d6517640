package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site of many pages has its files and front matter read on every core ({@code SourceLoader},
 * {@code ReadCache.readAhead}); what it reports must be what reading one file after the other
 * reports: each problem once, at its place, in the order of the files.
 */
class ReadAheadTest {
  @TempDir Path dir;

  @Test
  void manyPagesReportTheirFrontMatterProblemsInFileOrder() throws IOException {
    StringBuilder sections =
        new StringBuilder(Fixture.SITE_YAML)
            .append(
                """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        ---
        Home: [[guide]].
        -- content/guide/index.md --
        ---
        title: Guide
        description: The guide.
        ---
        """);
    for (int i = 0; i < 100; i++) {
      sections.append("[[guide/").append(String.format("p%03d", i)).append("]]\n");
    }
    for (int i = 0; i < 100; i++) {
      sections
          .append("-- content/guide/")
          .append(String.format("p%03d", i))
          .append(".md --\n---\n");
      if (i == 7 || i == 50 || i == 93) {
        sections.append("title: Broken ").append(i).append("\ndescription: [unclosed\n");
      } else {
        sections
            .append("title: Page ")
            .append(i)
            .append("\ndescription: Page number ")
            .append(i)
            .append(".\n");
      }
      sections.append("---\nText of page ").append(i).append(".\n");
    }
    Fixture.create(dir, sections.toString());
    BuildResult result =
        new Build(BuildOptions.defaults(dir).withWrite(false).withVersion("t")).run();
    List<Diagnostic> errors =
        result.diagnostics().all().stream().filter(d -> d.path().contains("/p0")).toList();
    assertEquals(
        List.of("content/guide/p007.md", "content/guide/p050.md", "content/guide/p093.md"),
        errors.stream().map(Diagnostic::path).toList(),
        result.diagnostics().all().toString());
    assertTrue(errors.stream().allMatch(d -> d.line() == 3), errors.toString());
  }
}
