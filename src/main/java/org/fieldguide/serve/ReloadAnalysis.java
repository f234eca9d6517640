package org.fieldguide.serve;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fieldguide.search.SearchIndex;

/**
 * Decides, after a rebuild, which open pages must reload. An open page is known by the path the
 * browser shows ({@code location.pathname}). It reloads when:
 *
 * <ol>
 *   <li>its path now leads somewhere else (a page appeared where there was a 404, or went away);
 *   <li>the bytes of the file it shows changed (its own text, or anything rendered into it:
 *       navigation after a title or order change, backlinks, automatic term links, indexes);
 *   <li>a file it pulls in changed: a style sheet, script, image or icon it names, or one its style
 *       sheets name; or
 *   <li>a changed file (other than {@link #NOT_DISPLAYED}) is named by no page or style sheet at
 *       all, so a script may load it by an address built at run time (search.js, for one).
 * </ol>
 *
 * A change to another page's HTML alone never reloads this one. Changes to the search index, the
 * sitemap, robots.txt and .nojekyll reload nothing: no page shows them, and the search box fetches
 * the index again on the next page load.
 */
final class ReloadAnalysis {
  /** Output files no page shows. */
  static final Set<String> NOT_DISPLAYED =
      Set.of(SearchIndex.INDEX_PATH, "sitemap.xml", "robots.txt", ".nojekyll");

  private final Routes routes;
  private final Map<String, byte[]> before;
  private final Map<String, byte[]> after;
  private final OutputChanges changes;
  private final Set<String> changedResources = new LinkedHashSet<>();
  private final Map<String, Boolean> decided = new HashMap<>();
  private Set<String> namedAnywhere;

  ReloadAnalysis(Routes routes, Map<String, byte[]> before, Map<String, byte[]> after) {
    this.routes = routes;
    this.before = before;
    this.after = after;
    this.changes = OutputChanges.between(before, after);
    for (String file : changes.all()) {
      if (!file.endsWith(".html") && !NOT_DISPLAYED.contains(file)) {
        changedResources.add(file);
      }
    }
  }

  OutputChanges changes() {
    return changes;
  }

  /** The open pages (browser paths) that must reload, in the order given. */
  Set<String> pagesToReload(Collection<String> openPages) {
    Set<String> out = new LinkedHashSet<>();
    for (String page : openPages) {
      if (mustReload(page)) {
        out.add(page);
      }
    }
    return out;
  }

  /**
   * Whether the page open at {@code rawPath} (as the browser has it, percent-encoded) must reload.
   */
  synchronized boolean mustReload(String rawPath) {
    return decided.computeIfAbsent(rawPath, this::decide);
  }

  private boolean decide(String rawPath) {
    if (changes.isEmpty()) {
      return false;
    }
    Routes.Route was = routes.resolve(rawPath, before.keySet());
    Routes.Route now = routes.resolve(rawPath, after.keySet());
    if (was.kind() != now.kind()
        || was.status() != now.status()
        || !Objects.equals(was.file(), now.file())
        || !Objects.equals(was.location(), now.location())) {
      return true;
    }
    if (now.file() == null) {
      return false;
    }
    if (changes.modified().contains(now.file())) {
      return true;
    }
    if (changedResources.isEmpty()) {
      return false;
    }
    String urlPath = Routes.decode(rawPath).orElse(routes.basePath());
    Set<String> pulledIn =
        new HashSet<>(PageResources.of(now.file(), urlPath, after, routes.basePath()));
    pulledIn.addAll(PageResources.of(was.file(), urlPath, before, routes.basePath()));
    for (String resource : changedResources) {
      if (pulledIn.contains(resource) || !namedAnywhere().contains(resource)) {
        return true;
      }
    }
    return false;
  }

  /** Every file that some page or style sheet of either build names directly. */
  private Set<String> namedAnywhere() {
    if (namedAnywhere == null) {
      namedAnywhere = new HashSet<>();
      for (Map<String, byte[]> files : List.of(before, after)) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          String urlPath = routes.basePath() + file.getKey();
          namedAnywhere.addAll(
              PageResources.direct(file.getKey(), file.getValue(), urlPath, routes.basePath()));
        }
      }
    }
    return namedAnywhere;
  }
}
