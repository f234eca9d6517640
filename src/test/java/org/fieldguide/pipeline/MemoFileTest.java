package org.fieldguide.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-off builds that keep their memo in {@code .fieldguide-cache/pages.bin}: a build after an edit
 * redoes only what the edit changed and writes only the files it made again, and whatever happened
 * in between (edits of every kind, a failed build, an output folder changed by hand, a memo file
 * cut short), the output folder and the diagnostics are what a build from nothing gives.
 */
class MemoFileTest {
  @TempDir Path dir;

  private Fixture fixture;
  private BuildOptions options;
  private Path out;
  private Path memoFile;

  @BeforeEach
  void firstBuild() throws IOException {
    fixture = Fixture.create(dir.resolve("project"), IncrementalBuildTest.SITE);
    out = dir.resolve("site");
    Path cache = fixture.root().resolve(".fieldguide-cache");
    memoFile = cache.resolve(MemoFile.FILE);
    options =
        fixture
            .options()
            .withOut(out)
            .withKeepOutput(false)
            .withDrawingCache(cache.resolve("drawings.bin"));
    BuildResult first = new Build(options).run();
    assertTrue(first.written(), Fixture.lines(first).toString());
    assertTrue(Files.isRegularFile(memoFile), "the build left its memo file");
  }

  @Test
  void aBuildAfterABodyEditRendersThatBodyAndWritesOnlyWhatItMade() throws IOException {
    Path untouched = out.resolve("methods/notes/index.html");
    FileTime before = Files.getLastModifiedTime(untouched);

    append("content/methods/rlhf.md", "\nAnother paragraph.\n");
    BuildResult result = rebuild();

    assertEquals(Set.of("methods/rlhf"), result.redone().bodies());
    assertTrue(result.redone().pages().contains("methods/rlhf"));
    assertFalse(result.redone().pages().contains("methods/notes"));
    assertEquals(before, Files.getLastModifiedTime(untouched), "a page not made is not written");
    assertSameAsBuildFromNothing(result);
  }

  @Test
  void theCommandLineSaysHowManyPagesItMadeAgain() throws IOException {
    Fixture.CliRun first = fixture.cli("build");
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().matches("(?s)fieldguide: built 12 pages into \\S+\\s*"), first.out());
    append("content/methods/rlhf.md", "\nAnother paragraph.\n");
    Fixture.CliRun second = fixture.cli("build");
    assertTrue(
        second
            .out()
            .matches(
                "(?s)fieldguide: built 12 pages into \\S+ \\(\\d+ made again, the others as the"
                    + " last build left them\\)\\s*"),
        second.out());
  }

  @Test
  void aBuildWithNoChangeMakesOnlyTheGeneratedPages() throws IOException {
    BuildResult result = rebuild();
    assertEquals(Set.of(), result.redone().bodies());
    for (String id : MARKDOWN_PAGES) {
      assertFalse(result.redone().pages().contains(id), id + " was made again");
    }
    assertSameAsBuildFromNothing(result);
  }

  private static final List<String> MARKDOWN_PAGES =
      List.of(
          "index",
          "methods/index",
          "methods/rlhf",
          "methods/goodhart",
          "methods/notes",
          "glossary/reward-model",
          "faq/basics");

  @Test
  void anOutputFolderChangedByHandIsWrittenWhole() throws IOException {
    Files.delete(out.resolve("methods/goodhart/index.html"));
    append("content/methods/rlhf.md", "\nAnother paragraph.\n");
    BuildResult result = rebuild();
    assertTrue(result.redone().pages().contains("methods/goodhart"));
    assertSameAsBuildFromNothing(result);
  }

  @Test
  void aMemoFileForAnotherOutputFolderIsNotUsed() throws IOException {
    out = dir.resolve("elsewhere");
    options = options.withOut(out);
    BuildResult result = rebuild();
    assertEquals(7, result.redone().bodies().size(), "every body is rendered");
    assertSameAsBuildFromNothing(result);
  }

  @Test
  void aMemoFileCutShortIsIgnored() throws IOException {
    byte[] bytes = Files.readAllBytes(memoFile);
    Files.write(memoFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    append("content/methods/notes.md", "\nMore notes.\n");
    BuildResult result = rebuild();
    assertEquals(7, result.redone().bodies().size(), "every body is rendered");
    assertSameAsBuildFromNothing(result);
  }

  @Test
  void aMemoFileWithAByteChangedIsIgnored() throws IOException {
    byte[] bytes = Files.readAllBytes(memoFile);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(memoFile, bytes);
    append("content/methods/notes.md", "\nMore notes.\n");
    BuildResult result = rebuild();
    assertEquals(7, result.redone().bodies().size(), "every body is rendered");
    assertSameAsBuildFromNothing(result);
  }

  @Test
  void aFailedBuildLeavesTheMemoFileThatDescribesTheOutput() throws IOException {
    byte[] memo = Files.readAllBytes(memoFile);
    append("content/methods/rlhf.md", "\n[broken](nowhere.md)\n");
    BuildResult failed = rebuild();
    assertFalse(failed.written());
    assertArrayEquals(memo, Files.readAllBytes(memoFile));
    Path page = fixture.path("content/methods/rlhf.md");
    Files.writeString(
        page, Files.readString(page).replace("\n[broken](nowhere.md)\n", "\nFixed.\n"));
    assertSameAsBuildFromNothing(rebuild());
  }

  @Test
  void aCommitThatChangesOnlyAPagesDateMakesThatPageAndTheHomePageAgain() throws Exception {
    git("init", "-q");
    git("add", "-A");
    commit("2026-01-01T12:00:00Z");
    assertSameAsBuildFromNothing(rebuild());
    append("content/methods/rlhf.md", "\nA paragraph not yet committed.\n");
    assertSameAsBuildFromNothing(rebuild()); // the page still shows its last commit's date

    git("add", "-A");
    commit("2026-02-02T12:00:00Z"); // the same Markdown, now with a later date
    BuildResult result = rebuild();

    assertEquals(Set.of("methods/rlhf", "index"), result.redone().bodies());
    assertTrue(Files.readString(out.resolve("methods/rlhf/index.html")).contains("2026-02-02"));
    assertSameAsBuildFromNothing(result);
  }

  private void git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t"));
    command.addAll(List.of("-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(fixture.root().toFile());
    builder.environment().put("GIT_COMMITTER_DATE", date);
    builder.environment().put("GIT_AUTHOR_DATE", date);
    Process git = builder.redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes());
    assertEquals(0, git.waitFor(), output);
  }

  private String date = "2026-01-01T12:00:00Z";

  private void commit(String when) throws Exception {
    date = when;
    git("commit", "-q", "-m", "content");
  }

  /** Random edits of every kind, each followed by a one-off build from the memo file. */
  @Test
  void anySequenceOfEditsGivesWhatABuildFromNothingGives() throws IOException {
    java.util.Random random = new java.util.Random(20261204);
    List<String> pages =
        List.of(
            "content/methods/rlhf.md",
            "content/methods/goodhart.md",
            "content/methods/notes.md",
            "content/index.md",
            "content/faq/basics.md",
            "content/glossary/reward-model.md");
    List<String> additions =
        List.of(
            "\nMore text.\n",
            "\nA link: [[rlhf]]\n",
            "\nA link: [[Goodhart]]\n",
            "\nA link: [[notes]]\n",
            "\nA mention of the reward model.\n",
            "\n[x](rlhf.md#the-reward-model)\n",
            "\n[y](goodhart.md#in-practice)\n",
            "\nCited [@gao2022].\n",
            "\n## A new part\n\nIts text.\n",
            "\n## Another question?\n\nIts answer.\n");
    java.util.Map<String, java.util.Deque<String>> added = new java.util.HashMap<>();
    int rendered = 0;
    for (int step = 0; step < 30; step++) {
      String page = pages.get(random.nextInt(pages.size()));
      Path file = fixture.path(page);
      java.util.Deque<String> own = added.computeIfAbsent(page, p -> new java.util.ArrayDeque<>());
      switch (random.nextInt(6)) {
        case 0 -> { // the last addition undone: the body as the memo file may know it
          String text = Files.readString(file);
          if (!own.isEmpty() && text.endsWith(own.peek())) {
            Files.writeString(file, text.substring(0, text.length() - own.pop().length()));
          }
        }
        case 1 ->
            Files.writeString(
                file,
                Files.readString(file).replaceFirst("(?m)^(title|term): (.*)$", "$1: $2 " + step));
        case 2 -> {
          if (random.nextBoolean()) {
            Files.delete(out.resolve("methods/notes/index.html"));
          } else { // a broken link: the build fails, writes nothing, and the next one is fixed
            append(page, "\n[[nowhere]]\n");
            assertSameAsBuildFromNothing(rebuild());
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.length() - "\n[[nowhere]]\n".length()));
          }
        }
        default -> {
          String text = additions.get(random.nextInt(additions.size()));
          if (text.contains(".md") && !page.startsWith("content/methods/")) {
            text = "\nText without a relative link.\n"; // those are written for methods/
          } else if (text.contains("part") && page.startsWith("content/faq/")) {
            text = "\n## Is this a question?\n\nYes.\n"; // a FAQ page's ## headings are
          }
          append(page, text);
          own.push(text);
        }
      }
      BuildResult result = rebuild();
      rendered += result.redone().bodies().size();
      assertSameAsBuildFromNothing(result);
    }
    assertTrue(rendered < 30 * 7 / 2, "most builds rendered few bodies (" + rendered + " in all)");
  }

  private BuildResult rebuild() {
    return new Build(options).run();
  }

  private void append(String relative, String text) throws IOException {
    Path file = fixture.path(relative);
    Files.writeString(file, Files.readString(file) + text);
  }

  /** The output folder and diagnostics are those of a build without the memo file. */
  private void assertSameAsBuildFromNothing(BuildResult result) throws IOException {
    Path fresh = dir.resolve("fresh");
    BuildResult full = new Build(options.withOut(fresh).withDrawingCache(null)).run();
    assertEquals(full.diagnostics().all(), result.diagnostics().all());
    assertEquals(full.written(), result.written());
    if (!full.written()) {
      return;
    }
    SortedMap<String, byte[]> expected = files(fresh);
    SortedMap<String, byte[]> actual = files(out);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  private static SortedMap<String, byte[]> files(Path root) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
