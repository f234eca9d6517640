package org.fieldguide.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
  private final Map<String, PageLinks> linksByFile = new HashMap<>();
  private final Map<String, String> sourceOf = new HashMap<>();
  /** Each page's problems as its last check found them, in page order. */
  private final TreeMap<String, List<Problem>> problems = new TreeMap<>();
  /** For each file that links resolve to (whether the site has it or not), the pages whose links do. */
  private final Map<String, Set<String>> referrers = new HashMap<>();
  private final Map<String, Set<String>> targetsOf = new HashMap<>();
  /** Pages to check again: new or changed, or linking to a file that changed its ids, came or went. */
  private final Set<String> stale = new HashSet<>();
  private Set<String> lastFiles = Set.of();

  /**
   * One {@code href} or {@code src} of a page, and whether it lies in the page's content (else in
   * the template's chrome). Only these and the ids are kept, not each page's Jsoup tree, so memory
   * does not grow with the size of every page of the site.
   */
  public record Ref(String tag, String attr, String value, boolean content) {}

  /** What the checker keeps of one page: its ids and its links. Made by {@link #scan}, on any thread. */
  public record PageLinks(Set<String> ids, List<Ref> refs) {}

  private record Problem(Ref ref, String text) {}

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

  /**
   * Registers one page already {@linkplain #scan scanned}, in place of what was registered at
   * {@code outputPath} before. A checker kept from one build to the next ({@code serve}) checks
   * again only the pages whose links may have a different answer: those registered anew, and
   * those that link to a page whose ids changed or to a file that came or went.
   */
  public void add(String outputPath, PageLinks links, String sourcePath) {
    PageLinks old = linksByFile.put(outputPath, links);
    sourceOf.put(outputPath, sourcePath);
    if (old == links) {
      return;
    }
    stale.add(outputPath);
    if (old == null || !old.ids().equals(links.ids())) {
      stale.addAll(referrers.getOrDefault(outputPath, Set.of()));
    }
  }

  /** Forgets every registered page not in {@code outputPaths} (pages the site no longer has). */
  public void retain(Set<String> outputPaths) {
    for (String page : new ArrayList<>(linksByFile.keySet())) {
      if (!outputPaths.contains(page)) {
        linksByFile.remove(page);
        sourceOf.remove(page);
        problems.remove(page);
        forgetTargets(page);
        stale.remove(page);
        stale.addAll(referrers.getOrDefault(page, Set.of()));
      }
    }
  }

  /** Whether {@code fragment} is an id on the page written at {@code outputPath}. */
  public boolean hasId(String outputPath, String fragment) {
    PageLinks links = linksByFile.get(outputPath);
    return links != null && links.ids().contains(fragment);
  }

  /**
   * Checks every page's relative links against {@code files}, the set of paths the build writes
   * (which this checker does not change and keeps until the next check).
   */
  public void check(Set<String> files, Diagnostics diagnostics) {
    if (files != lastFiles) { // a caller whose files stay the same passes the same set
      staleWhereMissing(lastFiles, files); // files gone
      staleWhereMissing(files, lastFiles); // files new
      lastFiles = Set.copyOf(files);
    }
    for (String page : stale) {
      if (linksByFile.containsKey(page)) {
        problems.put(page, problemsOf(page, files));
      }
    }
    stale.clear();
    Set<String> reportedChrome = new HashSet<>();
    for (Map.Entry<String, List<Problem>> entry : problems.entrySet()) {
      String page = entry.getKey();
      for (Problem p : entry.getValue()) {
        Ref ref = p.ref();
        if (ref.content()) {
          diagnostics.error(sourceOf.get(page), 0, 0, p.text() + " (in " + ref.attr() + "=\"" + ref.value() + "\" on /" + page + ")");
        } else if (reportedChrome.add(ref.tag() + " " + ref.attr() + " " + ref.value().replaceAll("^(\\./|(\\.\\./)+)", ""))) {
          diagnostics.error("templates", 0, 0, "a template " + p.text() + " (in " + ref.attr() + "=\"" + ref.value() + "\" on /" + page + ")");
        }
      }
    }
  }

  /** The problems of one page's links, noting which files each link depends on. */
  private List<Problem> problemsOf(String page, Set<String> files) {
    forgetTargets(page);
    if (page.equals("404.html")) {
      return List.of(); // served at any address, so its links are absolute from the base path
    }
    Set<String> targets = new HashSet<>();
    List<Problem> found = new ArrayList<>();
    for (Ref ref : linksByFile.get(page).refs()) {
      String problem = problem(page, ref.value(), files, targets);
      if (problem != null) {
        found.add(new Problem(ref, problem));
      }
    }
    for (String target : targets) {
      referrers.computeIfAbsent(target, k -> new HashSet<>()).add(page);
    }
    targetsOf.put(page, targets);
    return found.isEmpty() ? List.of() : found;
  }

  private void staleWhereMissing(Set<String> from, Set<String> in) {
    for (String file : from) {
      if (!in.contains(file)) {
        stale.addAll(referrers.getOrDefault(file, Set.of()));
      }
    }
  }

  private void forgetTargets(String page) {
    Set<String> old = targetsOf.remove(page);
    if (old != null) {
      for (String target : old) {
        Set<String> from = referrers.get(target);
        if (from != null) {
          from.remove(page);
          if (from.isEmpty()) {
            referrers.remove(target);
          }
        }
      }
    }
  }

  /** What is wrong with one link, or null; adds the files whose presence or ids decide it to {@code targets}. */
  private String problem(String page, String value, Set<String> files, Set<String> targets) {
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
    targets.add(file);
    if (!files.contains(file)) {
      targets.add(file + "/index.html");
      if (files.contains(file + "/index.html")) {
        file = file + "/index.html";
      } else {
        return "a link points to /" + file + ", which the site does not have; fix the link or add the page";
      }
    }
    if (fragment != null && !fragment.isEmpty() && file.endsWith(".html") && linksByFile.containsKey(file)
        && !linksByFile.get(file).ids().contains(fragment)) {
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
    return linksByFile.keySet().stream().sorted().toList();
  }
}
