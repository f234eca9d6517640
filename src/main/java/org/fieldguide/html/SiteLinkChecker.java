package org.fieldguide.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostics;

/**
 * Checks the rendered site as a whole: every relative {@code href} and {@code src} on every page
 * must reach a file the build writes, and every fragment an id on the page it points to. Run only
 * after every page is rendered (ids are gathered first, then checked).
 */
public final class SiteLinkChecker {
  /** A link with a scheme, which the checker leaves alone; {@link #hasScheme} is the test it runs. */
  static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
  private final Map<String, Set<String>> idsByFile = new HashMap<>();
  private final Map<String, List<Ref>> refsByFile = new HashMap<>();
  private final Map<String, String> sourceOf = new HashMap<>();

  /**
   * One {@code href} or {@code src} of a page, and whether it lies in the page's content (else in
   * the template's chrome). Only these and the ids are kept, not each page's Jsoup tree, so memory
   * does not grow with the size of every page of the site.
   */
  public record Ref(String tag, String attr, String value, boolean content) {}

  /** What the checker keeps of one page: its ids and its links. Made by {@link #scan}, on any thread. */
  public record PageLinks(Set<String> ids, List<Ref> refs) {}

  /**
   * Reads one rendered page's ids and links. Pure, so the template stage can call it in parallel
   * and hand the result to {@link #add(String, PageLinks, String)} in a stable order.
   */
  public static PageLinks scan(String html) {
    return PageScanner.scan(html);
  }

  /** Registers one rendered HTML file (path relative to the site root) and where it came from. */
  public void add(String outputPath, String html, String sourcePath) {
    add(outputPath, scan(html), sourcePath);
  }

  /** Registers one page already {@linkplain #scan scanned}. */
  public void add(String outputPath, PageLinks links, String sourcePath) {
    idsByFile.put(outputPath, links.ids());
    refsByFile.put(outputPath, links.refs());
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
    if (value.isEmpty() || hasScheme(value) || value.startsWith("//")) {
      return null;
    }
    String path;
    String fragment;
    RelativeLink fast = RelativeLink.resolve(page, value);
    if (fast != null) {
      path = fast.path();
      fragment = fast.fragment();
    } else {
      URI resolved;
      try {
        resolved = new URI("http", "site", "/" + page, null).resolve(new URI(value));
      } catch (URISyntaxException e) {
        return "a link is not a valid address; fix it";
      }
      path = resolved.getPath();
      fragment = resolved.getFragment();
    }
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
    if (fragment != null && !fragment.isEmpty() && file.endsWith(".html") && idsByFile.containsKey(file)
        && !idsByFile.get(file).contains(fragment)) {
      return "a link points to #" + fragment + " on /" + file + ", which has no such id; fix the fragment";
    }
    return null;
  }

  /**
   * Whether {@code value} matches {@link #SCHEME} (a scheme, a colon, then anything but a line
   * terminator, since {@code .} matches none), tested without a regular expression: this runs for
   * every link of every page. {@code SiteLinkCheckerTest} compares the two.
   */
  static boolean hasScheme(String value) {
    int n = value.length();
    if (n == 0 || !isAsciiLetter(value.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < n) {
      char c = value.charAt(i);
      if (c == ':') {
        break;
      }
      if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
        return false;
      }
      i++;
    }
    if (i == n) {
      return false;
    }
    for (i++; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  public List<String> pages() {
    return refsByFile.keySet().stream().sorted().toList();
  }
}
