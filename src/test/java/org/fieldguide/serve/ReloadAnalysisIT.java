package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which open pages a real rebuild reloads: what a change renders into other pages (navigation,
 * backlinks, automatic term links, the glossary) is found by comparing the output, not by rules.
 */
class ReloadAnalysisIT {
  private static final List<String> OPEN =
      List.of("/", "/guide/alpha/", "/guide/beta/", "/guide/gamma/", "/glossary/");

  static final String SITE =
      Fixture.SITE_YAML
          + """
      -- content/index.md --
      ---
      title: Home
      description: The home page.
      ---
      Start with [[alpha]], then [[beta]] and [[gamma]].
      -- content/guide/alpha.md --
      ---
      title: Alpha
      description: The first page.
      order: 1
      ---
      Alpha says hello. See [[beta]].
      -- content/guide/beta.md --
      ---
      title: Beta
      description: The second page.
      order: 2
      ---
      Beta talks about a widget and links back to [[alpha]].
      -- content/guide/gamma.md --
      ---
      title: Gamma
      description: The third page.
      order: 3
      ---
      Gamma stands alone.
      """;

  @TempDir Path dir;

  private Fixture fixture;
  private SortedMap<String, byte[]> before;

  @BeforeEach
  void buildOnce() throws IOException {
    fixture = Fixture.create(dir, SITE);
    before = goodBuild();
  }

  private SortedMap<String, byte[]> goodBuild() {
    BuildResult result = fixture.check();
    assertFalse(result.failed(false), Fixture.lines(result).toString());
    return result.files();
  }

  private Set<String> reloadsAfter(String sections) throws IOException {
    fixture.write(sections);
    return new ReloadAnalysis(new Routes("/"), before, goodBuild()).pagesToReload(OPEN);
  }

  @Test
  void editingAPagesProseReloadsThatPageAlone() throws IOException {
    assertEquals(
        Set.of("/guide/gamma/"),
        reloadsAfter(
            """
        -- content/guide/gamma.md --
        ---
        title: Gamma
        description: The third page.
        order: 3
        ---
        Gamma stands alone, now with a second sentence.
        """));
  }

  @Test
  void changingATitleReloadsTheSectionsPagesAndThePagesThatLinkToIt() throws IOException {
    // The sidebar lists the pages of the current section only; the home page links to gamma by its
    // title.
    assertEquals(
        Set.of("/", "/guide/alpha/", "/guide/beta/", "/guide/gamma/"),
        reloadsAfter(
            """
        -- content/guide/gamma.md --
        ---
        title: Gamma, renamed
        description: The third page.
        order: 3
        ---
        Gamma stands alone.
        """));
  }

  @Test
  void aNewLinkReloadsTheLinkingPageAndTheTargetsBacklinks() throws IOException {
    assertEquals(
        Set.of("/guide/beta/", "/guide/gamma/"),
        reloadsAfter(
            """
        -- content/guide/beta.md --
        ---
        title: Beta
        description: The second page.
        order: 2
        ---
        Beta talks about a widget and links back to [[alpha]] and on to [[gamma]].
        """));
  }

  @Test
  void aNewTermReloadsThePagesThatMentionItAndTheGlossary() throws IOException {
    assertEquals(
        Set.of("/guide/beta/", "/glossary/"),
        reloadsAfter(
                """
        -- content/glossary/widget.md --
        ---
        term: Widget
        short: A small device used as an example.
        kind: n/a
        ---
        A widget is a small device.
        """)
            .stream()
            .filter(p -> !p.equals("/"))
            .collect(java.util.stream.Collectors.toSet()));
  }
}
