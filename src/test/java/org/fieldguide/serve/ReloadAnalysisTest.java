package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which open pages a rebuild reloads, from the two builds' output alone. */
class ReloadAnalysisTest {
  private static final String BASE = "/guide/";
  private static final List<String> OPEN =
      List.of("/guide/", "/guide/a/", "/guide/b/", "/guide/missing/", "/guide/c/");

  /**
   * A small built site: three pages and a 404 page sharing a style sheet, one with an image, and
   * data files.
   */
  private static Map<String, byte[]> site() {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("index.html", page("Home", "./", ""));
    files.put("a/index.html", page("A", "../", ""));
    files.put("b/index.html", page("B", "../", "<img src=\"../assets/logo.png\" alt=\"Logo\">"));
    files.put("404.html", page("Not found", "/guide/", ""));
    files.put(
        "assets/style.css", bytes("@import \"print.css\";\nbody { background: url('bg.svg'); }\n"));
    files.put("assets/print.css", bytes("@media print { a { color: black; } }\n"));
    files.put("assets/bg.svg", bytes("<svg/>"));
    files.put("assets/logo.png", bytes("PNG"));
    files.put("assets/site.js", bytes("// loads search.js when the box is focused\n"));
    files.put("assets/search.js", bytes("// search\n"));
    files.put("search-index.json", bytes("[]"));
    files.put("sitemap.xml", bytes("<urlset/>"));
    files.put(".nojekyll", new byte[0]);
    return files;
  }

  private static byte[] page(String title, String root, String body) {
    return bytes(
        "<!DOCTYPE html><html><head><title>"
            + title
            + "</title>"
            + "<link rel=\"stylesheet\" href=\""
            + root
            + "assets/style.css\">"
            + "<script src=\""
            + root
            + "assets/site.js\" defer></script></head><body>"
            + "<nav><a href=\""
            + root
            + "\">Home</a> <a href=\""
            + root
            + "a/\">A</a> <a href=\""
            + root
            + "b/\">B</a></nav>"
            + body
            + "</body></html>");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Set<String> reloads(Map<String, byte[]> before, Map<String, byte[]> after) {
    return new ReloadAnalysis(new Routes(BASE), before, after).pagesToReload(OPEN);
  }

  @Test
  void noChangeReloadsNothing() {
    assertEquals(Set.of(), reloads(site(), site()));
  }

  @Test
  void aPagesOwnChangeReloadsOnlyThatPage() {
    Map<String, byte[]> after = site();
    after.put("a/index.html", page("A, revised", "../", "<p>New text</p>"));
    assertEquals(Set.of("/guide/a/"), reloads(site(), after));
  }

  @Test
  void aChangeEveryPageShowsReloadsEveryPage() {
    Map<String, byte[]> after = site();
    for (String file : List.of("index.html", "a/index.html", "b/index.html", "404.html")) {
      after.put(
          file,
          bytes(
              new String(after.get(file), StandardCharsets.UTF_8)
                  .replace("<nav>", "<nav class=\"x\">")));
    }
    assertEquals(Set.copyOf(OPEN), reloads(site(), after));
  }

  @Test
  void theSearchIndexAndSitemapReloadNothing() {
    Map<String, byte[]> after = site();
    after.put("search-index.json", bytes("[{\"title\":\"A\"}]"));
    after.put("sitemap.xml", bytes("<urlset><url/></urlset>"));
    assertEquals(Set.of(), reloads(site(), after));
  }

  @Test
  void aStyleSheetReloadsThePagesThatUseIt() {
    Map<String, byte[]> after = site();
    after.put("assets/style.css", bytes("body { color: red; }\n"));
    assertEquals(Set.copyOf(OPEN), reloads(site(), after));
  }

  @Test
  void whatAStyleSheetPullsInCountsAsUsedByItsPages() {
    Map<String, byte[]> after = site();
    after.put("assets/bg.svg", bytes("<svg width=\"1\"/>"));
    assertEquals(Set.copyOf(OPEN), reloads(site(), after));
    Map<String, byte[]> imported = site();
    imported.put("assets/print.css", bytes("@media print { a { color: gray; } }\n"));
    assertEquals(Set.copyOf(OPEN), reloads(site(), imported));
  }

  @Test
  void anImageReloadsOnlyThePageThatShowsIt() {
    Map<String, byte[]> after = site();
    after.put("assets/logo.png", bytes("PNG2"));
    assertEquals(Set.of("/guide/b/"), reloads(site(), after));
  }

  @Test
  void aFileNoPageNamesReloadsEveryPageSinceAScriptMayLoadIt() {
    Map<String, byte[]> after = site();
    after.put("assets/search.js", bytes("// search, revised\n"));
    assertEquals(Set.copyOf(OPEN), reloads(site(), after));
  }

  @Test
  void aNewPageReloadsTheNotFoundPageOpenAtItsAddress() {
    Map<String, byte[]> after = site();
    after.put("missing/index.html", page("Missing", "../", ""));
    assertEquals(Set.of("/guide/missing/"), reloads(site(), after));
  }

  @Test
  void aDeletedPageReloadsSoItShowsNotFound() {
    Map<String, byte[]> after = site();
    after.remove("a/index.html");
    assertEquals(Set.of("/guide/a/"), reloads(site(), after));
  }

  @Test
  void aChangedNotFoundPageReloadsThePagesShowingIt() {
    Map<String, byte[]> after = site();
    after.put("404.html", page("Nothing here", "/guide/", ""));
    assertEquals(Set.of("/guide/missing/", "/guide/c/"), reloads(site(), after));
  }

  @Test
  void theFirstGoodBuildReloadsEveryOpenPage() {
    assertEquals(Set.copyOf(OPEN), reloads(new TreeMap<>(), site()));
  }

  @Test
  void pagesOutsideTheBasePathOrWithBadPathsReloadOnlyWithTheNotFoundPage() {
    Map<String, byte[]> after = site();
    after.put("a/index.html", page("A, revised", "../", ""));
    ReloadAnalysis analysis = new ReloadAnalysis(new Routes(BASE), site(), after);
    assertEquals(
        Set.of(), analysis.pagesToReload(List.of("/a/", "/guide/../a/", "/guide/%2e%2e/")));
  }

  @Test
  void outputChangesListAddedRemovedAndModifiedFiles() {
    Map<String, byte[]> after = site();
    after.put("new/index.html", bytes("new"));
    after.remove("assets/logo.png");
    after.put("b/index.html", bytes("changed"));
    OutputChanges changes = OutputChanges.between(site(), after);
    assertEquals(Set.of("new/index.html"), changes.added());
    assertEquals(Set.of("assets/logo.png"), changes.removed());
    assertEquals(Set.of("b/index.html"), changes.modified());
    assertEquals("3 output files changed (assets/logo.png, b/index.html, …)", changes.summary(2));
  }

  @Test
  void referencesResolveAgainstThePageAndTheBasePath() {
    assertEquals(
        java.util.Optional.of("assets/style.css"),
        PageResources.resolve("/guide/a/b/", "../../assets/style.css", BASE));
    assertEquals(
        java.util.Optional.of("a/index.html"), PageResources.resolve("/guide/", "a/#top", BASE));
    assertEquals(
        java.util.Optional.of("assets/x.png"),
        PageResources.resolve("/guide/any/where", "/guide/assets/x.png?v=2", BASE));
    assertEquals(
        java.util.Optional.empty(),
        PageResources.resolve("/guide/", "https://example.org/x.css", BASE));
    assertEquals(
        java.util.Optional.empty(),
        PageResources.resolve("/guide/", "data:image/png;base64,AAAA", BASE));
    assertEquals(
        java.util.Optional.empty(), PageResources.resolve("/guide/", "../outside.css", BASE));
    assertEquals(java.util.Optional.empty(), PageResources.resolve("/guide/", "#main", BASE));
  }
}
