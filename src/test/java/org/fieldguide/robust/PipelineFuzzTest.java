package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;

/**
 * Fuzzes the whole build with one page of fuzzed bytes (front matter, Markdown, charts, formulas,
 * raw HTML, any encoding) in an otherwise valid project. Each input builds, or fails with errors
 * that name a file, within ten seconds (the first build also loads the layout and TeX engines);
 * nothing appears in the project but {@code site/}, and the site holds no script of the page's.
 */
class PipelineFuzzTest {
  private static final Path ROOT = project();

  @FuzzTest(maxDuration = "60s")
  void onePageProject(byte[] input) throws IOException {
    Files.write(ROOT.resolve("content/guide/page.md"), input);
    Set<String> before = Hostile.tree(ROOT, "site");
    BuildResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> new Build(BuildOptions.defaults(ROOT).withVersion("fuzz")).run());
    Hostile.assertBuiltOrReported(result);
    assertEquals(before, Hostile.tree(ROOT, "site"), "the build wrote outside site/");
    if (result.written()) {
      assertTrue(Files.isRegularFile(ROOT.resolve("site/guide/page/index.html")));
      Hostile.assertOnlyTemplateScripts(
          Files.readString(ROOT.resolve("site/guide/page/index.html")));
    }
  }

  private static Path project() {
    try {
      Path root = Files.createTempDirectory("fieldguide-fuzz-");
      Fixture.create(root, Hostile.BASE);
      new Build(BuildOptions.defaults(root).withVersion("fuzz").withWrite(false))
          .run(); // load the engines once
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
