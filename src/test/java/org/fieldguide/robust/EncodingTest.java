package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fieldguide.pipeline.Build;
import org.fieldguide.pipeline.BuildOptions;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encodings a contributor's editor may produce: invalid UTF-8, UTF-16 with a byte-order mark, NUL
 * bytes, mixed line endings, right-to-left text and emoji. Each is a clear error at a position, or
 * correct output.
 */
class EncodingTest {
  @TempDir Path dir;

  private BuildResult buildWith(String name, byte[] bytes) throws IOException {
    Fixture.create(dir, Hostile.BASE);
    Files.write(dir.resolve("content/guide").resolve(name), bytes);
    BuildResult result = new Build(BuildOptions.defaults(dir).withVersion("t")).run();
    Hostile.assertBuiltOrReported(result);
    return result;
  }

  /** The warning for a page of the guide that nothing links to, by its slug. */
  private static final String ORPHAN =
      "content/guide/%s.md:1:1: warning: no page links to this one, so readers can only find it through navigation or search; link to it from a related page\n";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void invalidUtf8IsAnErrorAtTheFirstBadByte() throws IOException {
    byte[] bytes = utf8("---\ntitle: T\ndescription: D\n---\nGood line.\nBad é here: \u0000");
    bytes[bytes.length - 1] = (byte) 0xC3; // a lead byte with nothing after it
    BuildResult result = buildWith("bad.md", bytes);
    // the page is read as well as it can be, so it exists, and nothing links to it
    assertEquals(
        ORPHAN.formatted("bad")
            + "content/guide/bad.md:6:13: error: this file is not valid UTF-8; save it as UTF-8\n",
        Hostile.lines(result));
  }

  @Test
  void utf16WithAByteOrderMarkIsAnErrorAskingForUtf8() throws IOException {
    byte[] text = "---\ntitle: T\ndescription: D\n---\nx\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(text, 0, bytes, 2, text.length);
    BuildResult result = buildWith("utf16.md", bytes);
    assertEquals(
        "content/guide/utf16.md:1:1: error: this file is UTF-16 (it starts with a UTF-16 byte-order mark),"
            + " not UTF-8; save it as UTF-8\n"
            + ORPHAN.formatted("utf16"),
        Hostile.lines(result));
  }

  @Test
  void nulBytesAreAnErrorAtTheirColumnInFrontMatterAndHarmlessInTheBody() throws IOException {
    BuildResult front =
        buildWith("nul.md", utf8("---\ntitle: \"a\u0000b\"\ndescription: D\n---\nx\n"));
    assertFalse(front.written());
    assertEquals(
        ORPHAN.formatted("nul")
            + "content/guide/nul.md:2:10: error: malformed YAML: the control character U+0000"
            + " cannot appear in YAML, even in quotes; delete it\n",
        Hostile.lines(front));
    Files.writeString(
        dir.resolve("content/guide/nul.md"),
        "---\ntitle: T\ndescription: \u00e9\uD83D\uDE00 x\u0000\n---\nx\n");
    BuildResult later = new Build(BuildOptions.defaults(dir).withVersion("t")).run();
    assertEquals(
        ORPHAN.formatted("nul")
            + "content/guide/nul.md:3:18: error: malformed YAML: the control character U+0000"
            + " cannot appear in YAML, even in quotes; delete it\n",
        Hostile.lines(later));
    Files.delete(dir.resolve("content/guide/nul.md"));
    Files.write(
        dir.resolve("content/guide/page.md"),
        utf8("---\ntitle: P\ndescription: D\n---\nBefore\u0000after.\n"));
    BuildResult body = new Build(BuildOptions.defaults(dir).withVersion("t")).run();
    assertTrue(body.written(), Hostile.lines(body));
    String html = Files.readString(dir.resolve("site/guide/page/index.html"));
    assertFalse(html.contains("\u0000"), "NUL reached the page");
    assertTrue(Jsoup.parse(html).selectFirst("main").text().contains("Before\uFFFDafter."));
  }

  @Test
  void mixedLineEndingsKeepPositionsTrue() throws IOException {
    BuildResult result =
        buildWith(
            "mixed.md",
            utf8("---\r\ntitle: T\rdescription: D\n---\r\none\rtwo\r\nthree [[nowhere]]\n"));
    assertEquals(
        "content/guide/mixed.md:7:7: error: unknown wiki-link target 'nowhere'; link to a page slug, page title,"
            + " glossary term or alias\n",
        Hostile.lines(result).replaceAll("(?m)^.*warning:.*\n", ""));
  }

  @Test
  void rightToLeftTextAndEmojiInTitlesComeOutIntact() throws IOException {
    String title =
        "\u0627\u0644\u0645\u062d\u0627\u0630\u0627\u0629 \u05e2\u05d1\u05e8\u05d9\u05ea \uD83D\uDE00\uD83E\uDDE0 \u202Eevil";
    BuildResult result =
        buildWith(
            "page.md",
            utf8(
                "\uFEFF---\ntitle: "
                    + title
                    + "\ndescription: RTL and emoji.\n---\n[[induction head]]\n"));
    assertTrue(result.written(), Hostile.lines(result));
    Document page =
        Jsoup.parse(
            Files.readString(dir.resolve("site/guide/page/index.html"), StandardCharsets.UTF_8));
    assertEquals(title, page.selectFirst("main h1").text());
    String index = Files.readString(dir.resolve("site/search-index.json"), StandardCharsets.UTF_8);
    assertTrue(StrictJson.strings(StrictJson.parse(index)).contains(title));
  }

  @Test
  void rightToLeftTextAndEmojiInSlugsAreErrors() throws IOException {
    Fixture.create(dir, Hostile.BASE);
    for (String name :
        new String[] {"\u0645\u0631\u062d\u0628\u0627.md", "\uD83D\uDE00.md", "a\u202Eb.md"}) {
      Files.writeString(
          dir.resolve("content/guide").resolve(name), "---\ntitle: T\ndescription: D\n---\nx\n");
    }
    BuildResult result = new Build(BuildOptions.defaults(dir).withVersion("t")).run();
    assertFalse(result.written());
    assertEquals(3, result.diagnostics().errorCount(), Hostile.lines(result));
    assertTrue(
        result.diagnostics().all().stream()
            .allMatch(d -> d.message().contains("cannot be part of a web address")));
  }
}
