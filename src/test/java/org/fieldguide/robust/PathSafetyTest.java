package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.fieldguide.pipeline.BuildResult;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile paths: file names, link targets, anchors, aliases and chart links with {@code ..},
 * absolute paths, backslashes, NUL, %-encoded traversal, drive letters and look-alike letters;
 * symbolic links out of content/ and templates/; output paths that collide once case or Unicode is
 * folded. Each is an error or harmless text, and no test's build writes outside {@code site/} or
 * reads a file outside the project (a secret placed beside the project never reaches the output).
 */
class PathSafetyTest {
  private static final String SECRET = "SECRET-OUTSIDE-THE-PROJECT-7f3a";

  @TempDir Path dir;
  private Fixture fixture;

  /** The project lives in dir/project; dir/outside holds a secret file and folder. */
  private Path project() throws IOException {
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside.resolve("folder"));
    Files.writeString(
        outside.resolve("secret.md"),
        "---\ntitle: " + SECRET + "\ndescription: x\n---\n" + SECRET + "\n");
    Files.writeString(
        outside.resolve("folder/page.md"),
        "---\ntitle: " + SECRET + "\ndescription: x\n---\n" + SECRET + "\n");
    Files.writeString(outside.resolve("layout.mustache"), SECRET);
    Files.writeString(outside.resolve("secret.css"), SECRET);
    Path root = dir.resolve("project");
    fixture = Fixture.create(root, Hostile.BASE);
    return root;
  }

  private BuildResult build(Path root) throws IOException {
    Set<String> beside = Hostile.tree(dir, "project");
    Set<String> inside = Hostile.tree(root, "site");
    BuildResult result =
        new org.fieldguide.pipeline.Build(
                org.fieldguide.pipeline.BuildOptions.defaults(root).withVersion("test"))
            .run();
    Hostile.assertBuiltOrReported(result);
    assertEquals(beside, Hostile.tree(dir, "project"), "the build wrote beside the project");
    assertEquals(
        inside, Hostile.tree(root, "site"), "the build wrote in the project outside site/");
    for (byte[] bytes : result.files().values()) {
      assertFalse(
          new String(bytes, StandardCharsets.UTF_8).contains(SECRET),
          "a file from outside reached the site");
    }
    if (Files.isDirectory(root.resolve("site"))) {
      for (String file : Hostile.tree(root.resolve("site"))) {
        Path p = root.resolve("site").resolve(file);
        assertFalse(
            Files.isRegularFile(p)
                && Files.readString(p, StandardCharsets.ISO_8859_1).contains(SECRET),
            file);
      }
    }
    return result;
  }

  private static void assertError(BuildResult result, String path, String fragment) {
    String lines = Hostile.lines(result);
    assertFalse(result.written(), lines);
    assertTrue(
        result.diagnostics().all().stream()
            .anyMatch(d -> d.path().equals(path) && d.message().contains(fragment)),
        "expected an error on " + path + " containing '" + fragment + "', got:\n" + lines);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a..b.md",
        "%2e%2e.md",
        "c:evil.md",
        "back\\slash.md",
        "Upper.md",
        "ра.md",
        "e\u0301.md",
        "\u00e9.md",
        "right\u202eleft.md",
        "emoji-\ud83d\ude00.md",
        "space name.md",
        "-dash.md"
      })
  void fileNamesThatCannotBeSafeAddressesAreErrors(String name) throws IOException {
    Path root = project();
    Files.writeString(
        root.resolve("content/guide").resolve(name), "---\ntitle: T\ndescription: D\n---\nx\n");
    BuildResult result = build(root);
    assertFalse(result.written(), Hostile.lines(result));
    assertTrue(
        Hostile.lines(result).contains("cannot be part of a web address"), Hostile.lines(result));
  }

  @Test
  void hiddenFilesAreNotContent() throws IOException {
    Path root = project();
    Files.writeString(
        root.resolve("content/guide/..md"), "---\ntitle: T\ndescription: D\n---\nx\n");
    Files.writeString(
        root.resolve("content/guide/.hidden.md"), "---\ntitle: T\ndescription: D\n---\nx\n");
    BuildResult result = build(root);
    assertTrue(result.written(), Hostile.lines(result));
    assertTrue(
        result.files().keySet().stream().noneMatch(p -> p.contains("hidden") || p.contains("..")));
  }

  @Test
  void linkTargetsAndAnchorsThatLeaveTheSiteAreErrors() throws IOException {
    Path root = project();
    fixture.write(
        """
        -- content/guide/links.md --
        ---
        title: Links
        description: Hostile links.
        ---
        [a](../../../../etc/passwd.md) [b](%2e%2e/%2e%2e/etc/passwd.md) [c](/etc/passwd.md)
        [d](C:\\\\Windows\\\\win.md) [e](..\\\\..\\\\index.md) [f](a%zz.md) [g](../index.md%00.md)
        [h](../../outside/secret.md) [i](../../../x/) [j](../index.md#..%2F..%2Fx)
        [[../../etc/passwd]] [[guide#../../x]] [[C:\\\\x]] [[%2e%2e]] [[guide/ｉｎｄｅｘ]]
        """);
    BuildResult result = build(root);
    assertFalse(result.written());
    long errors =
        result.diagnostics().all().stream()
            .filter(d -> d.path().equals("content/guide/links.md"))
            .count();
    assertTrue(
        errors >= 13,
        "every hostile link but C:\\\\… (a URL scheme, harmless) and a site address (checked once the rest is clean) is an error:\n"
            + Hostile.lines(result));
    assertTrue(
        result.diagnostics().all().stream()
            .filter(
                d ->
                    d.path().equals("content/guide/links.md")
                        && d.severity() == org.fieldguide.diag.Severity.ERROR)
            .allMatch(d -> d.line() == 0 || d.line() >= 5),
        Hostile.lines(result));
  }

  @Test
  void aliasesOrdersAndTitlesWithPathsAreOnlyText() throws IOException {
    Path root = project();
    fixture.write(
        """
        -- content/glossary/pathy.md --
        ---
        term: ../../etc/passwd
        short: A term named like a path.
        kind: n/a
        aliases: ['C:\\\\Windows', '/etc/shadow', '%2e%2e%2f', "a\\u0000b"]
        ---
        Body.
        -- content/guide/ordered.md --
        ---
        title: ../../../outside
        description: A title like a path.
        order: -5
        ---
        Mentions C:\\\\Windows and /etc/shadow.
        """);
    BuildResult result = build(root);
    assertTrue(result.written(), Hostile.lines(result));
    for (String path : result.files().keySet()) {
      assertTrue(
          path.matches("[A-Za-z0-9._/-]+") && !path.contains(".."),
          "unexpected output path " + path);
    }
    assertTrue(result.files().containsKey("glossary/pathy/index.html"));
  }

  @Test
  void orderThatIsNotANumberIsAnError() throws IOException {
    Path root = project();
    fixture.write(
        "-- content/guide/o.md --\n---\ntitle: O\ndescription: D\norder: ../../x\n---\nx\n");
    assertError(build(root), "content/guide/o.md", "'order' must be a whole number");
  }

  @Test
  void flowchartLinksOutOfTheContentAreErrors() throws IOException {
    Path root = project();
    fixture.write(
        """
        -- content/flowcharts/out.md --
        ---
        title: Out
        description: A chart linking out.
        ---
        ```flowchart
        start: q
        nodes:
          q:
            ask: Which?
            answers:
              - {label: a, to: x}
              - {label: b, to: y}
          x:
            outcome: X
            link: ../../outside/secret.md
          y:
            outcome: Y
            link: "%2e%2e/%2e%2e/%2e%2e/etc/passwd.md"
        ```
        """);
    BuildResult result = build(root);
    assertError(result, "content/flowcharts/out.md", "../../outside/secret.md");
  }

  @Test
  void symlinkedFileAndFolderInContentPointingOutsideAreRefused() throws IOException {
    Path root = project();
    Files.createSymbolicLink(
        root.resolve("content/guide/secret.md"), dir.resolve("outside/secret.md"));
    Files.createSymbolicLink(root.resolve("content/folder"), dir.resolve("outside/folder"));
    Files.createSymbolicLink(
        root.resolve("content/guide/loop.md"), root.resolve("content/guide/loop.md"));
    BuildResult result = build(root);
    assertError(result, "content/guide/secret.md", "points outside content/");
    assertError(result, "content/folder", "points outside content/");
    assertError(result, "content/guide/loop.md", "cannot read this file");
  }

  @Test
  void contentFolderThatIsALinkOutOfTheProjectIsRefused() throws IOException {
    Path root = project();
    Path real = root.resolve("content");
    Files.move(real, dir.resolve("outside/content"));
    Files.createSymbolicLink(real, dir.resolve("outside/content"));
    assertError(build(root), "content", "outside the project");
  }

  @Test
  void templatesFolderThatIsALinkOutOfTheProjectIsRefused() throws IOException {
    Path root = project();
    Path real = root.resolve("templates");
    Files.move(real, dir.resolve("outside/templates"));
    Files.createSymbolicLink(real, dir.resolve("outside/templates"));
    assertError(build(root), "templates", "outside the project");
  }

  @Test
  void templateAndAssetLinksPointingOutsideAreRefused() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("templates/page.mustache"), "{{> ../../outside/layout}}");
    Files.createSymbolicLink(
        root.resolve("templates/assets/secret.css"), dir.resolve("outside/secret.css"));
    BuildResult result = build(root);
    assertFalse(result.written(), Hostile.lines(result));
    assertTrue(
        Hostile.lines(result)
            .contains(
                "templates/page.mustache: error: the template does not compile: File not under root"),
        Hostile.lines(result));
    Files.writeString(
        root.resolve("templates/page.mustache"),
        Files.readString(Fixture.REAL_TEMPLATES.resolve("page.mustache")));
    BuildResult asset = build(root);
    assertTrue(
        Hostile.lines(asset)
            .contains("templates/assets/secret.css: error: this asset points outside"),
        Hostile.lines(asset));
    Path root2 = dir.resolve("project2");
    Fixture.create(root2, Hostile.BASE);
    Files.delete(root2.resolve("templates/layout.mustache"));
    Files.createSymbolicLink(
        root2.resolve("templates/layout.mustache"), dir.resolve("outside/layout.mustache"));
    BuildResult linked =
        new org.fieldguide.pipeline.Build(
                org.fieldguide.pipeline.BuildOptions.defaults(root2).withVersion("t"))
            .run();
    assertFalse(linked.written(), Hostile.lines(linked));
    assertTrue(
        linked.files().values().stream()
            .noneMatch(b -> new String(b, StandardCharsets.UTF_8).contains(SECRET)));
  }

  @Test
  void assetsWhoseOutputPathsCollideOnceCaseOrUnicodeIsFoldedAreErrors() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("templates/assets/Logo.svg"), "<svg/>");
    Files.writeString(root.resolve("templates/assets/logo.svg"), "<svg/>");
    Files.writeString(
        root.resolve(
            "templates/assets/" + Normalizer.normalize("caf\u00e9.css", Normalizer.Form.NFC)),
        "a{}");
    Files.writeString(
        root.resolve(
            "templates/assets/" + Normalizer.normalize("caf\u00e9.css", Normalizer.Form.NFD)),
        "b{}");
    Files.writeString(root.resolve("templates/assets/minisearch.js"), "evil()");
    BuildResult result = build(root);
    String lines = Hostile.lines(result);
    assertFalse(result.written(), lines);
    assertTrue(lines.contains("'assets/Logo.svg' and 'assets/logo.svg' name the same file"), lines);
    assertTrue(lines.contains("caf"), lines);
    assertTrue(
        lines.contains(
            "templates/assets/minisearch.js: error: this asset would replace /assets/minisearch.js"),
        lines);
  }

  @Test
  void anAssetWhereAPageNeedsAFolderIsAnError() throws IOException {
    Path root = project();
    Files.writeString(root.resolve("templates/assets/notes"), "x");
    fixture.write("-- content/assets/notes.md --\n---\ntitle: N\ndescription: D\n---\n[[index]]\n");
    BuildResult result = build(root);
    assertTrue(Hostile.lines(result).contains("is also needed as a folder"), Hostile.lines(result));
    assertFalse(result.written());
  }

  @Test
  void outputPathChecksRejectEveryUnsafeShape() {
    for (String bad :
        List.of("../x", "a/../../x", "/etc/x", "a\\b", "c:x", "a\u0000b", "a//b", "./a", "a/")) {
      org.fieldguide.diag.Diagnostics d = new org.fieldguide.diag.Diagnostics();
      org.fieldguide.output.OutputPaths.check(java.util.Map.of(bad, "templates"), d);
      assertTrue(d.hasErrors(), "accepted " + bad);
    }
  }
}
