package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recursive watching, new folders included, batching, and editors' scratch files. */
class SourceWatcherTest {
  private static final Duration QUIET = Duration.ofMillis(100);
  private static final Duration LIMIT = Duration.ofSeconds(15);

  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".dpo.md.swp",
        ".dpo.md.swo",
        ".dpo.md.swx",
        "dpo.md~",
        "dpo.md.tmp",
        "#dpo.md#",
        ".#dpo.md",
        "4913",
        "5036",
        "dpo.md___jb_tmp___",
        "dpo.md___jb_old___",
        ".DS_Store"
      })
  void editorScratchFilesAreIgnored(String name) {
    assertTrue(SourceWatcher.isScratch(name), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dpo.md",
        "sources.yaml",
        "style.css",
        "2024",
        "4914",
        "layout.mustache",
        "swp.md",
        "tmp"
      })
  void realFilesAreNot(String name) {
    assertFalse(SourceWatcher.isScratch(name), name);
  }

  @Test
  void aChangeDeepInsideAFolderCreatedAfterStartIsSeen() throws Exception {
    Path content = Files.createDirectories(root.resolve("content"));
    Path templates = Files.createDirectories(root.resolve("templates"));
    try (SourceWatcher watcher = new SourceWatcher(root, List.of(content, templates))) {
      Files.createDirectories(content.resolve("new/deeper"));
      SortedSet<String> first = next(watcher);
      assertTrue(first.contains("content/new"), first.toString());
      Files.writeString(content.resolve("new/deeper/page.md"), "text");
      SortedSet<String> second = next(watcher);
      assertTrue(second.contains("content/new/deeper/page.md"), second.toString());
    }
  }

  @Test
  void changesArrivingTogetherComeAsOneBatchWithoutScratchFiles() throws Exception {
    Path content = Files.createDirectories(root.resolve("content"));
    try (SourceWatcher watcher = new SourceWatcher(root, List.of(content))) {
      Files.writeString(content.resolve(".a.md.swp"), "swap");
      Files.writeString(content.resolve("4913"), "");
      Files.delete(content.resolve("4913"));
      Files.writeString(content.resolve("a.md"), "one");
      Files.writeString(content.resolve("b.md"), "two");
      Files.move(content.resolve("b.md"), content.resolve("c.md"));
      assertEquals(Set.of("content/a.md", "content/b.md", "content/c.md"), next(watcher));
    }
  }

  @Test
  void aWatchedFolderThatIsDeletedAndMadeAgainIsWatchedAgain() throws Exception {
    Path content = Files.createDirectories(root.resolve("content"));
    Path templates = Files.createDirectories(root.resolve("templates"));
    try (SourceWatcher watcher = new SourceWatcher(root, List.of(content, templates))) {
      Files.delete(templates);
      assertTrue(next(watcher).contains("templates/"));
      Files.createDirectories(templates);
      assertTrue(next(watcher).contains("templates/"));
      Files.writeString(templates.resolve("layout.mustache"), "x");
      assertEquals(Set.of("templates/layout.mustache"), next(watcher));
    }
  }

  private static SortedSet<String> next(SourceWatcher watcher) {
    return assertTimeoutPreemptively(LIMIT, () -> watcher.next(QUIET));
  }
}
