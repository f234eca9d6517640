package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How request paths map onto the files of a built site. */
class RoutesTest {
  private static final Set<String> FILES =
      Set.of(
          "index.html",
          "404.html",
          "alignment/index.html",
          "alignment/dpo/index.html",
          "assets/style.css",
          "search-index.json",
          "café/index.html");

  private final Routes root = new Routes("/");
  private final Routes guide = new Routes("/alignment-field-guide/");

  @Test
  void folderPathsServeTheirIndexFile() {
    assertEquals(Routes.Route.file("index.html"), root.resolve("/", FILES));
    assertEquals(
        Routes.Route.file("alignment/dpo/index.html"), root.resolve("/alignment/dpo/", FILES));
    assertEquals(Routes.Route.file("assets/style.css"), root.resolve("/assets/style.css", FILES));
  }

  @Test
  void aFolderWithoutItsSlashRedirectsToIt() {
    assertEquals(Routes.Route.redirect("/alignment/dpo/"), root.resolve("/alignment/dpo", FILES));
    assertEquals(Routes.Route.redirect("/caf%C3%A9/"), root.resolve("/caf%C3%A9", FILES));
  }

  @Test
  void percentEncodedNamesAreDecodedAsUtf8() {
    assertEquals(Routes.Route.file("café/index.html"), root.resolve("/caf%C3%A9/", FILES));
  }

  @Test
  void aMissServesTheNotFoundPageWithStatus404() {
    Routes.Route miss = root.resolve("/alignment/nope/", FILES);
    assertEquals(404, miss.status());
    assertEquals("404.html", miss.file());
    assertNull(root.resolve("/nope", Set.of("index.html")).file());
  }

  @Test
  void theBasePathIsRequiredAndItsBareFormRedirects() {
    assertEquals(
        Routes.Route.file("alignment/dpo/index.html"),
        guide.resolve("/alignment-field-guide/alignment/dpo/", FILES));
    assertEquals(
        Routes.Route.redirect("/alignment-field-guide/"),
        guide.resolve("/alignment-field-guide", FILES));
    assertEquals(Routes.Kind.NOT_FOUND, guide.resolve("/", FILES).kind());
    assertEquals(Routes.Kind.NOT_FOUND, guide.resolve("/alignment/dpo/", FILES).kind());
    assertEquals(Routes.Kind.NOT_FOUND, guide.resolve("/alignment-field-guidex/", FILES).kind());
  }

  @Test
  void theLiveEndpointsLiveUnderTheBasePath() {
    assertEquals(
        Routes.Kind.LIVE_SCRIPT,
        guide.resolve("/alignment-field-guide/__fieldguide/live.js", FILES).kind());
    assertEquals(
        Routes.Kind.LIVE_EVENTS,
        guide.resolve("/alignment-field-guide/__fieldguide/events", FILES).kind());
    assertEquals(Routes.Kind.NOT_FOUND, guide.resolve("/__fieldguide/live.js", FILES).kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../",
        "/..",
        "/alignment/../index.html",
        "/./index.html",
        "/%2e%2e/",
        "/%2E%2E/etc/passwd",
        "/..%2f",
        "/..%2F..%2Fetc%2Fpasswd",
        "/alignment%2fdpo/",
        "/..%5c..%5cwindows",
        "/a\\..\\b",
        "//etc/passwd",
        "/alignment//dpo/",
        "/%00",
        "/index.html%00.css",
        "/%c0%ae%c0%ae/",
        "/%",
        "/%zz",
        "relative",
        ""
      })
  void pathsThatLeaveOrBendTheSiteAreNotFound(String raw) {
    assertEquals(Optional.empty(), Routes.decode(raw), raw);
    Routes.Route route = root.resolve(raw, FILES);
    assertEquals(404, route.status(), raw);
    assertEquals("404.html", route.file(), raw);
  }

  @Test
  void basePathsAreNormalizedAndChecked() {
    assertEquals("/", ServeOptions.normalizeBasePath(null));
    assertEquals("/", ServeOptions.normalizeBasePath("/"));
    assertEquals("/guide/", ServeOptions.normalizeBasePath("guide"));
    assertEquals("/a/b/", ServeOptions.normalizeBasePath("/a/b"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ServeOptions.normalizeBasePath("/a/../b/"));
    assertTrue(
        e.getMessage().startsWith("--base-path must be a path such as /alignment-field-guide/"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServeOptions.normalizeBasePath("/a b/"));
  }

  @Test
  void contentTypesFollowTheExtension() {
    assertEquals("text/html; charset=utf-8", ContentTypes.of("a/index.html"));
    assertEquals("text/css; charset=utf-8", ContentTypes.of("assets/style.css"));
    assertEquals("text/javascript; charset=utf-8", ContentTypes.of("assets/site.js"));
    assertEquals("application/json", ContentTypes.of("search-index.json"));
    assertEquals("image/svg+xml", ContentTypes.of("assets/favicon.svg"));
    assertEquals("application/xml", ContentTypes.of("sitemap.xml"));
    assertEquals("text/plain; charset=utf-8", ContentTypes.of("robots.txt"));
    assertEquals("application/manifest+json", ContentTypes.of("assets/manifest.webmanifest"));
    assertEquals("image/png", ContentTypes.of("assets/logo.PNG"));
    assertEquals("image/x-icon", ContentTypes.of("favicon.ico"));
    assertEquals("application/octet-stream", ContentTypes.of(".nojekyll"));
    assertEquals("application/octet-stream", ContentTypes.of("assets/LICENSE"));
  }
}
