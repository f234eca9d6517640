package org.fieldguide.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
  private final Map<String, Set<String>> idsByFile = new HashMap<>();
  private final Map<String, List<Ref>> refsByFile = new HashMap<>();
  private final Map<String, String> sourceOf = new HashMap<>();

  /**
   * One {@code href} or {@code src} of a page, and whether it lies in the page's content (else in
   * the template's chrome). Only these and the ids are kept, not each page's Jsoup tree, so memory
   * does not grow with the size of every page of the site.
   */
  private record Ref(String tag, String attr, String value, boolean content) {}

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
    List<Ref> refs = new ArrayList<>();
    for (Element e : doc.select("[href], [src]")) {
      if (e.tagName().equals("link") && e.attr("rel").equals("canonical")) {
        continue;
      }
      String attr = e.hasAttr("href") ? "href" : "src";
      refs.add(new Ref(e.tagName(), attr, e.attr(attr), e.closest("article.content") != null));
    }
    idsByFile.put(outputPath, ids);
    refsByFile.put(outputPath, refs);
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
    for (String page : pages()) {
      if (page.equals("404.html")) {
        continue; // served at any address, so its links are absolute from the base path
      }
      for (Ref ref : refsByFile.get(page)) {
        String problem = problem(page, ref.value(), files);
        if (problem == null) {
          continue;
        }
        if (ref.content()) {
          diagnostics.error(sourceOf.get(page), 0, 0, problem + " (in " + ref.attr() + "=\"" + ref.value() + "\" on /" + page + ")");
        } else if (reportedChrome.add(ref.tag() + " " + ref.attr() + " " + ref.value().replaceAll("^(\\./|(\\.\\./)+)", ""))) {
          diagnostics.error("templates", 0, 0, "a template " + problem + " (in " + ref.attr() + "=\"" + ref.value() + "\" on /" + page + ")");
        }
      }
    }
  }

  private String problem(String page, String value, Set<String> files) {
    if (value.isEmpty() || SCHEME.matcher(value).matches() || value.startsWith("//")) {
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
    return refsByFile.keySet().stream().sorted().toList();
  }
}
