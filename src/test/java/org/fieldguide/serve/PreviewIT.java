package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} end to end, on a small project with the real templates, on a free port and under a
 * base path: serving, live reload, the error overlay and recovery, files coming and going, and
 * requests that try to leave the site. Every wait has a limit, so a hang fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreviewIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET_CHECK = Duration.ofMillis(700);
  private static final String BASE = "/field-guide/";
  private static final Pattern TOKEN =
      Pattern.compile("__fieldguide/live\\.js\\?v=([A-Za-z0-9.]+)\"");

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
      Beta links back to [[alpha]].
      -- content/guide/gamma.md --
      ---
      title: Gamma
      description: The third page.
      order: 3
      ---
      Gamma stands alone.
      """;

  @TempDir static Path dir;

  private Fixture fixture;
  private Preview preview;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  void start() throws IOException {
    fixture = Fixture.create(dir.resolve("project"), SITE);
    preview = start(fixture, out, err);
    assertEquals("http://127.0.0.1:" + preview.port() + BASE, preview.url());
  }

  private static Preview start(Fixture fixture, StringWriter out, StringWriter err)
      throws IOException {
    ServeOptions options = ServeOptions.defaults(fixture.root()).withPort(0).withBasePath(BASE);
    return Preview.start(options, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @AfterAll
  void stop() {
    if (preview != null) {
      preview.close();
    }
  }

  private RawHttp.Response get(String path) throws IOException {
    return RawHttp.request(preview.port(), "GET", path);
  }

  private static String token(RawHttp.Response page) {
    Matcher m = TOKEN.matcher(page.body());
    assertTrue(m.find(), "no live script in " + page.body());
    return m.group(1);
  }

  private EventStream events(String page) throws IOException {
    return EventStream.open(preview.url(), page, token(get(page)));
  }

  /** Writes a page with the given title and body (and the description and order alpha has). */
  private void page(String path, String title, String body) throws IOException {
    fixture.write(
        "-- "
            + path
            + " --\n---\ntitle: "
            + title
            + "\ndescription: The first page.\norder: 1\n---\n"
            + body
            + "\n");
  }

  @Test
  @Order(1)
  void servesPagesWithTheLiveScriptAndEachFileWithItsType() throws IOException {
    RawHttp.Response alpha = get(BASE + "guide/alpha/");
    assertEquals(200, alpha.status());
    assertEquals("text/html; charset=utf-8", alpha.header("Content-Type"));
    assertTrue(alpha.body().contains("Alpha says hello."));
    assertTrue(
        alpha
            .body()
            .contains(
                "<script src=\""
                    + BASE
                    + "__fieldguide/live.js?v="
                    + token(alpha)
                    + "\" defer></script></body>"));
    assertEquals("text/css; charset=utf-8", get(BASE + "assets/style.css").header("Content-Type"));
    assertEquals(
        "text/javascript; charset=utf-8", get(BASE + "assets/site.js").header("Content-Type"));
    var index = get(BASE + "search-index.json");
    assertEquals("application/json", index.header("Content-Type"));
    assertTrue(
        index.body().startsWith("{\"v\":2,\"pages\":[")
            && index.body().contains("Alpha says hello."),
        "the search index is made on demand, whole: " + index.body());
    assertEquals("application/xml", get(BASE + "sitemap.xml").header("Content-Type"));
    assertEquals("text/plain; charset=utf-8", get(BASE + "robots.txt").header("Content-Type"));
    assertEquals("image/svg+xml", get(BASE + "assets/favicon.svg").header("Content-Type"));
    assertEquals(
        "application/manifest+json",
        get(BASE + "assets/manifest.webmanifest").header("Content-Type"));
    RawHttp.Response script = get(BASE + "__fieldguide/live.js");
    assertEquals("text/javascript; charset=utf-8", script.header("Content-Type"));
    assertTrue(script.body().contains("new EventSource("));

    RawHttp.Response head = RawHttp.request(preview.port(), "HEAD", BASE + "guide/alpha/");
    assertEquals(200, head.status());
    assertEquals("", head.body());
    assertEquals(
        Integer.toString(alpha.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
        head.header("Content-Length"));

    RawHttp.Response missing = get(BASE + "guide/nothing-here/");
    assertEquals(404, missing.status());
    assertTrue(missing.body().contains("Page not found"), missing.body());
    assertTrue(missing.body().contains("__fieldguide/live.js"));
    assertFalse(get(BASE + "sitemap.xml").body().contains("__fieldguide"));
  }

  @Test
  @Order(2)
  void theSiteLivesUnderItsBasePathWithPrettyUrls() throws IOException {
    assertEquals(404, get("/").status());
    assertEquals(404, get("/guide/alpha/").status());
    RawHttp.Response bare = get("/field-guide");
    assertEquals(301, bare.status());
    assertEquals(BASE, bare.header("Location"));
    RawHttp.Response noSlash = get(BASE + "guide/alpha?x=1");
    assertEquals(301, noSlash.status());
    assertEquals(BASE + "guide/alpha/?x=1", noSlash.header("Location"));
    assertEquals(200, get(BASE).status());
    assertEquals(200, get(BASE + "glossary/").status());
  }

  @Test
  @Order(3)
  void requestsThatTryToLeaveTheSiteAreNotFound() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "top secret");
    for (String path :
        List.of(
            "/../secret.txt",
            BASE + "../secret.txt",
            BASE + "../../secret.txt",
            BASE + "%2e%2e/secret.txt",
            BASE + "%2E%2E/%2e%2e/secret.txt",
            BASE + "..%2fsecret.txt",
            BASE + "..%2F..%2Fsecret.txt",
            BASE + "guide/..%2f..%2f",
            BASE + "..%5csecret.txt",
            BASE + "guide/../../secret.txt",
            BASE + "./index.html",
            "/%2e%2e/etc/passwd",
            BASE + "content/index.md",
            BASE + "templates/layout.mustache")) {
      RawHttp.Response response = get(path);
      assertEquals(404, response.status(), path);
      assertFalse(response.body().contains("top secret"), path);
      assertFalse(response.body().contains("root:"), path);
    }
  }

  @Test
  @Order(4)
  void onlyGetAndHeadAreAnswered() throws IOException {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      RawHttp.Response response = RawHttp.request(preview.port(), method, BASE);
      assertEquals(405, response.status(), method);
      assertEquals("GET, HEAD", response.header("Allow"), method);
    }
  }

  @Test
  @Order(5)
  void anEditReloadsItsPageAndAnErrorShowsOverEveryPageUntilFixed() throws Exception {
    String alphaPath = BASE + "guide/alpha/";
    try (EventStream alpha = events(alphaPath);
        EventStream beta = events(BASE + "guide/beta/")) {
      String before = token(get(alphaPath));
      page("content/guide/alpha.md", "Alpha", "Alpha says hello again. See [[beta]].");
      assertTrue(alpha.next("reload", WAIT).data().startsWith("{\"v\":"));
      RawHttp.Response edited = get(alphaPath);
      assertTrue(edited.body().contains("Alpha says hello again."), edited.body());
      assertTrue(
          get(BASE + "search-index.json").body().contains("Alpha says hello again."),
          "the index follows the edit");
      assertNotEquals(before, token(edited));
      assertFalse(beta.receives("reload", QUIET_CHECK), "beta's output did not change");
    }

    try (EventStream alpha = events(alphaPath);
        EventStream beta = events(BASE + "guide/beta/")) {
      page("content/guide/alpha.md", "Alpha", "Broken: see [[no-such-page]].");
      String overlay = alpha.nextStatus(false, WAIT).data();
      assertTrue(overlay.startsWith("{\"ok\":false,\"errors\":1,"), overlay);
      assertTrue(overlay.contains("\"location\":\"content/guide/alpha.md:6:"), overlay);
      assertTrue(overlay.contains("no-such-page"), overlay);
      assertEquals(overlay, beta.nextStatus(false, WAIT).data());
      assertTrue(
          get(alphaPath).body().contains("Alpha says hello again."),
          "the last good page is still served");
      assertTrue(
          Pattern.compile("(?m)^content/guide/alpha\\.md:6:\\d+: error: .*no-such-page")
              .matcher(err.toString())
              .find(),
          err.toString());
      try (EventStream gamma = events(BASE + "guide/gamma/")) {
        assertEquals(
            overlay,
            gamma.next("status", WAIT).data(),
            "a page opened while the build fails shows the errors");
      }

      page("content/guide/alpha.md", "Alpha", "Alpha is fixed. See [[beta]].");
      assertEquals(
          "{\"ok\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}",
          alpha.nextStatus(true, WAIT).data());
      alpha.next("reload", WAIT);
      assertTrue(get(alphaPath).body().contains("Alpha is fixed."));
      assertEquals(
          "{\"ok\":true,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}",
          beta.nextStatus(true, WAIT).data());
    }
  }

  @Test
  @Order(6)
  void aSymlinkOutOfContentIsAnErrorAndIsNeverServed() throws Exception {
    Path secret =
        Files.writeString(
            dir.resolve("outside.md"),
            "---\ntitle: Secret\ndescription: Outside.\n---\nTop secret text.\n");
    Path link = fixture.path("content/guide/leak.md");
    try {
      Files.createSymbolicLink(link, secret);
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("this file system cannot make symbolic links: " + e);
    }
    try (EventStream alpha = events(BASE + "guide/alpha/")) {
      String overlay = alpha.nextStatus(false, WAIT).data();
      assertTrue(
          overlay.contains("\"path\":\"content/guide/leak.md\"")
              && overlay.contains("points outside content/"),
          overlay);
      for (String path :
          List.of(BASE + "guide/leak/", BASE + "guide/leak", BASE + "guide/leak.md")) {
        RawHttp.Response response = get(path);
        assertEquals(404, response.status(), path);
        assertFalse(response.body().contains("Top secret"), path);
      }
      Files.delete(link);
      alpha.nextStatus(true, WAIT);
    }
  }

  @Test
  @Order(7)
  void newFoldersRenamesDeletionsAndEditorScratchFilesAreHandled() throws Exception {
    String newPath = BASE + "more/deep/page/";
    assertEquals(404, get(newPath).status());
    try (EventStream waiting = events(newPath)) {
      page("content/more/deep/page.md", "Deep", "A page in a new folder, linking [[alpha]].");
      waiting.next("reload", WAIT);
    }
    assertTrue(get(newPath).body().contains("A page in a new folder"));

    try (EventStream old = events(newPath)) {
      Files.move(
          fixture.path("content/more/deep/page.md"), fixture.path("content/more/deep/renamed.md"));
      old.next("reload", WAIT);
    }
    assertEquals(404, get(newPath).status());
    assertTrue(get(BASE + "more/deep/renamed/").body().contains("A page in a new folder"));

    try (EventStream renamed = events(BASE + "more/deep/renamed/")) {
      Files.delete(fixture.path("content/more/deep/renamed.md"));
      Files.delete(fixture.path("content/more/deep"));
      Files.delete(fixture.path("content/more"));
      renamed.next("reload", WAIT);
    }
    assertEquals(404, get(BASE + "more/deep/renamed/").status());

    // The page's reload can come from a build that saw only the file's deletion: on a busy machine
    // the folders' deletions arrive after the watcher's quiet time and make a build of their own,
    // which may still be to come. An edit made after them is seen after them (the watcher reads one
    // queue in order), so once the edit's reload has come, nothing of the deletions is left to
    // build.
    try (EventStream gamma = events(BASE + "guide/gamma/")) {
      fixture.write(
          "-- content/guide/gamma.md --\n---\ntitle: Gamma\ndescription: The third page.\norder: 3\n---\n"
              + "Gamma stands alone, still.\n");
      gamma.next("reload", WAIT);
    }
    int builds = preview.builds();
    Path guide = fixture.path("content/guide");
    Files.writeString(guide.resolve(".alpha.md.swp"), "swap");
    Files.writeString(guide.resolve("alpha.md~"), "backup");
    Files.writeString(guide.resolve("#alpha.md#"), "autosave");
    Files.writeString(guide.resolve("alpha.md.tmp"), "temporary");
    Files.writeString(guide.resolve("4913"), "");
    Files.delete(guide.resolve("4913"));
    Thread.sleep(QUIET_CHECK.toMillis());
    assertEquals(builds, preview.builds(), "scratch files start no build");
    assertEquals(200, get(BASE + "guide/alpha/").status());
  }

  @Test
  @Order(8)
  void aPageFromAnOlderBuildReloadsAsSoonAsItListensAgain() throws Exception {
    try (EventStream current = events(BASE + "guide/beta/")) {
      assertTrue(
          current.nextStatus(true, WAIT).data().startsWith("{\"ok\":true"),
          "a page learns the status when it connects");
      assertFalse(current.receives("reload", QUIET_CHECK));
    }
    try (EventStream old =
        EventStream.open(preview.url(), BASE + "guide/beta/", "an-older-build.1")) {
      old.next(
          "reload",
          WAIT); // say, a tab that was hidden (and so not listening) while the site was rebuilt
    }
  }

  @Test
  @Order(9)
  void aProjectThatDoesNotBuildAtFirstIsServedOnceFixed() throws Exception {
    Fixture broken =
        Fixture.create(
            dir.resolve("broken"),
            Fixture.SITE_YAML
                + """
        -- content/index.md --
        ---
        title: Home
        ---
        No description yet.
        """);
    StringWriter brokenErr = new StringWriter();
    try (Preview second = start(broken, new StringWriter(), brokenErr)) {
      RawHttp.Response first = RawHttp.request(second.port(), "GET", BASE);
      assertEquals(503, first.status());
      assertTrue(
          brokenErr
              .toString()
              .contains("content/index.md:2:1: error: missing required key 'description'"),
          brokenErr.toString());
      try (EventStream home = EventStream.open(second.url(), BASE, token(first))) {
        assertTrue(home.next("status", WAIT).data().contains("missing required key 'description'"));
        broken.write(
            "-- content/index.md --\n---\ntitle: Home\ndescription: The home page.\n---\nNow it builds.\n");
        home.next("reload", WAIT);
      }
      RawHttp.Response fixed = RawHttp.request(second.port(), "GET", BASE);
      assertEquals(200, fixed.status());
      assertTrue(fixed.body().contains("Now it builds."));
    }
  }

  @Test
  @Order(10)
  void keepsItsDrawingsForTheNextStartAsBuildDoes() throws Exception {
    Fixture math =
        Fixture.create(
            dir.resolve("math"),
            Fixture.SITE_YAML
                + """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        ---
        The loss is $\\log \\sigma(r_w - r_l)$.
        """);
    Path cache = math.root().resolve(".fieldguide-cache").resolve("drawings.bin");
    String first;
    try (Preview one = start(math, new StringWriter(), new StringWriter())) {
      first = RawHttp.request(one.port(), "GET", BASE).body();
      assertTrue(first.contains("<svg"), first);
    }
    assertTrue(Files.isRegularFile(cache), "serve left no drawing cache at " + cache);
    try (Preview two = start(math, new StringWriter(), new StringWriter())) {
      String second = RawHttp.request(two.port(), "GET", BASE).body();
      assertEquals(
          withoutServer(first), withoutServer(second)); // the same page, drawn from the cache
    }
  }

  /**
   * A served page without what differs from one preview to the next: its port and live-script
   * token.
   */
  private static String withoutServer(String page) {
    return page.replaceAll("127\\.0\\.0\\.1:[0-9]+", "127.0.0.1")
        .replaceAll("live\\.js\\?v=[A-Za-z0-9.]+", "live.js");
  }

  @Test
  @Order(11)
  void aDraftPageHasItsBannerAndTheErrorPanelLinksToTheEditorWithTheLineItPointsAt()
      throws Exception {
    Fixture drafts =
        Fixture.create(
            dir.resolve("drafts"),
            SITE
                + """
        -- content/guide/delta.md --
        ---
        title: Delta
        description: Not ready.
        draft: true
        ---
        Delta is a draft; see [[alpha]].
        """);
    ServeOptions options =
        ServeOptions.defaults(drafts.root())
            .withPort(0)
            .withBasePath(BASE)
            .withDrafts(true)
            .withEditor("vscode");
    try (Preview second =
        Preview.start(
            options,
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true))) {
      RawHttp.Response delta = RawHttp.request(second.port(), "GET", BASE + "guide/delta/");
      assertTrue(delta.body().contains("\" defer data-draft></script>"), delta.body());
      RawHttp.Response alpha = RawHttp.request(second.port(), "GET", BASE + "guide/alpha/");
      assertTrue(alpha.body().contains("\" defer></script>"), alpha.body());
      try (EventStream events =
          EventStream.open(second.url(), BASE + "guide/alpha/", token(alpha))) {
        drafts.write(
            "-- content/guide/alpha.md --\n---\ntitle: Alpha\ndescription: The first page.\n---\nSee [[no-such-page]].\n");
        String status = events.nextStatus(false, WAIT).data();
        String file =
            drafts
                .root()
                .resolve("content/guide/alpha.md")
                .toAbsolutePath()
                .toString()
                .replace('\\', '/');
        assertTrue(
            status.contains(
                "\"editor\":\"vscode://file" + (file.startsWith("/") ? "" : "/") + file + ":5:5\""),
            status);
        assertTrue(
            status.contains("\"excerpt\":[\"5 | See [[no-such-page]].\",\"  |     ^\"]"), status);
      }
    }
  }
}
