package org.fieldguide.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks the rendered site as a whole: every relative {@code href} and {@code src} on every page
 * must reach a file the build writes, and every fragment an id on the page it points to. Run only
 * after every page is rendered (ids are gathered first, then checked).
 */
public final class SiteLinkChecker {
  private final Map<String, Set<String>> idsByFile = new HashMap<>();
  private final Map<String, Document> documents = new HashMap<>();
  private final Map<String, String> sourceOf = new HashMap<>();

  /** Registers one rendered HTML file (path relative to the site root) and where it came from. */
  public void add(String outputPath, String html, String sourcePath) {
    Document doc = Jsoup.parse(html);
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) {
      ids.add(e.id());
    }
    for (Element e : doc.select("a[name]")) {
      ids.add(e.attr("name"));
    }
    idsByFile.put(outputPath, ids);
    documents.put(outputPath, doc);
    sourceOf.put(outputPath, sourcePath);
  }

  /** Whether {@code fragment} is an id on the page written at {@code outputPath}. */
  public boolean hasId(String outputPath, String fragment) {
    Set<String> ids = idsByFile.get(outputPath);
    return ids != null && ids.contains(fragment);
  }

  /** Checks every page's relative links against {@code files}, the set of paths the build writes. */
  public void check(Set<String> files, Diagnostics diagnostics) {
    Set<String> reportedChrome = new HashSet<>();
    for (String page : documents.keySet().stream().sorted().toList()) {
      if (page.equals("404.html")) {
        continue; // served at any address, so its links are absolute from the base path
      }
      Document doc = documents.get(page);
      for (Element e : doc.select("[href], [src]")) {
        boolean content = !e.parents().select("article.content").isEmpty();
        String attr = e.hasAttr("href") ? "href" : "src";
        String value = e.attr(attr);
        if (e.tagName().equals("link") && e.attr("rel").equals("canonical")) {
          continue;
        }
        String problem = problem(page, value, files);
        if (problem == null) {
          continue;
        }
        if (content) {
          diagnostics.error(sourceOf.get(page), 0, 0, problem + " (in " + attr + "=\"" + value + "\" on /" + page + ")");
        } else if (reportedChrome.add(e.tagName() + " " + attr + " " + value.replaceAll("^(\\./|(\\.\\./)+)", ""))) {
          diagnostics.error("templates", 0, 0, "a template " + problem + " (in " + attr + "=\"" + value + "\" on /" + page + ")");
        }
      }
    }
  }

  private String problem(String page, String value, Set<String> files) {
    if (value.isEmpty() || value.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || value.startsWith("//")) {
      return null;
    }
    URI base;
    URI resolved;
    try {
      base = new URI("http", "site", "/" + page, null);
      resolved = base.resolve(new URI(value));
    } catch (URISyntaxException e) {
      return "a link is not a valid address; fix it";
    }
    String path = resolved.getPath();
    if (path == null || !path.startsWith("/") || path.contains("/../")) {
      return "a link leads outside the site; fix it";
    }
    String file = path.substring(1);
    if (file.isEmpty() || file.endsWith("/")) {
      file = file + "index.html";
    }
    if (!files.contains(file)) {
      if (files.contains(file + "/index.html")) {
        file = file + "/index.html";
      } else {
        return "a link points to /" + file + ", which the site does not have; fix the link or add the page";
      }
    }
    String fragment = resolved.getFragment();
    if (fragment != null && !fragment.isEmpty() && file.endsWith(".html") && idsByFile.containsKey(file)
        && !idsByFile.get(file).contains(fragment)) {
      return "a link points to #" + fragment + " on /" + file + ", which has no such id; fix the fragment";
    }
    return null;
  }

  public List<String> pages() {
    return documents.keySet().stream().sorted().toList();
  }
}
