package org.fieldguide.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostics;

/**
 * Checks the rendered site as a whole: every relative {@code href} and {@code src} on every page
 * must reach a file the build writes, and every fragment an id on the page it points to. Run only
 * after every page is rendered (ids are gathered first, then checked).
 *
 * <p>A checker {@linkplain #SiteLinkChecker() kept from build to build} ({@code serve}) notes which
 * files each page's links reach, so that a check looks again only at the pages whose answers may
 * have changed. A checker {@linkplain #forOneBuild for one build} notes nothing and checks every page:
 * at 10,000 pages those notes were millions of entries (every page's sidebar reaches every section).
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
  /** Whether this checker notes which files each page's links reach ({@link #referrers}, {@link #targetsOf}). */
  private final boolean tracks;
  /**
   * One instance of each distinct link, shared by every page that has it. Pages repeat the
   * template's links (a section's pages share their sidebar), so this keeps a few thousand links
   * instead of hundreds per page.
   */
  private final Map<Ref, Ref> distinct = new ConcurrentHashMap<>();

  /** A checker kept from one build to the next, which checks again only what may have changed. */
  public SiteLinkChecker() {
    this(true);
  }

  private SiteLinkChecker(boolean tracks) {
    this.tracks = tracks;
  }

  /** A checker for a single build: it checks every page at each {@link #check}, and holds less. */
  public static SiteLinkChecker forOneBuild() {
    return new SiteLinkChecker(false);
  }

  /**
   * One {@code href} or {@code src} of a page, and whether it lies in the page's content (else in
   * the template's chrome). Only these and the ids are kept, not each page's Jsoup tree, so memory
   * does not grow with the size of every page of the site.
   */
  public record Ref(String tag, String attr, String value, boolean content) {}

  /** What the checker keeps of one page: its ids and its links. Made by {@link #scanPage}, on any thread. */
  public record PageLinks(Set<String> ids, List<Ref> refs) {}

  private record Problem(Ref ref, String text) {}

  /**
   * The ids and links of the page at {@code outputPath}, held in the first {@code length} chars of
   * {@code chars}, for {@link #add}; safe to call from several threads at once. A checker kept from
   * build to build keeps every link, each replaced by the one instance of it this checker holds
   * ({@link #distinct}). A checker for one build
   * that was told the files to {@link #expect} checks each link at once against them and keeps only
   * those that are wrong, or that point to a fragment of another page, whose ids may not be known
   * yet; {@link #check} looks at these again. A page then holds a handful of links instead of
   * hundreds, and the check at the end has almost nothing left to do.
   */
  public PageLinks scanPage(String outputPath, char[] chars, int length) {
    PageLinks links = PageScanner.scan(chars, length);
    Set<String> files = expected;
    if (tracks || files == null) {
      return shared(links);
    }
    List<Ref> keep = new ArrayList<>();
    if (!outputPath.equals("404.html")) { // never checked: see problemsOf
      int depth = depth(outputPath);
      Map<String, String> known = depth < answers.length ? answers[depth] : null;
      for (Ref ref : links.refs()) {
        String value = ref.value();
        String problem;
        if (known != null && value.indexOf('#') < 0 && climbsToRoot(value, depth)) {
          problem = known.get(value);
          if (problem == null) {
            problem = problem(outputPath, value, files, null, file -> null); // no fragment: no ids asked for
            known.put(value, problem == null ? FINE : problem);
          } else if (problem == FINE) {
            problem = null;
          }
        } else {
          problem = problem(outputPath, value, files, null, file -> file.equals(outputPath) ? links.ids() : NOT_YET);
        }
        if (problem != null) {
          keep.add(ref);
        }
      }
    }
    return new PageLinks(links.ids(), keep);
  }

  /**
   * For a checker for one build, the answers {@link #scanPage} found for links that mean the same
   * from every page of one depth, by depth (how many folders down the page is): those without a
   * fragment that begin by climbing to the site root, one {@code ../} per folder. Every page's
   * sidebar and header are such links, so most of a page's links are checked once for all the pages
   * at its depth instead of once per page. A link that was fine maps to {@link #FINE}. Cleared by
   * {@link #expect}, since the answers hold only for the files it was given.
   */
  @SuppressWarnings("unchecked")
  private final Map<String, String>[] answers = new Map[16];
  private static final String FINE = new String("fine"); // compared by identity: a problem text is never this instance

  /** How many folders down from the site root the file at {@code outputPath} is. */
  private static int depth(String outputPath) {
    int depth = 0;
    for (int i = 0; i < outputPath.length(); i++) {
      if (outputPath.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }

  /**
   * Whether {@code value} begins with {@code depth} times {@code ../}, so that from any page
   * {@code depth} folders down it starts at the site root, whatever those folders are.
   */
  static boolean climbsToRoot(String value, int depth) {
    if (value.length() < 3 * depth) {
      return false;
    }
    for (int i = 0; i < depth; i++) {
      if (value.charAt(3 * i) != '.' || value.charAt(3 * i + 1) != '.' || value.charAt(3 * i + 2) != '/') {
        return false;
      }
    }
    return true;
  }

  /**
   * For a checker {@linkplain #forOneBuild for one build}: the paths of every file the build will
   * write, known before its pages are made, against which {@link #scanPage} checks each link. A
   * file missing from what {@link #check} is given at the end can only be a page whose template
   * failed, an error after which the build does not check links.
   */
  public void expect(Set<String> files) {
    for (int depth = 0; depth < answers.length; depth++) {
      answers[depth] = new ConcurrentHashMap<>();
    }
    expected = Set.copyOf(files); // last: scanPage reads this first, then the answers
  }

  private volatile Set<String> expected;

  /** Stands for the ids of a page not made yet; {@link #problem} then answers {@link #LATER}. */
  private static final Set<String> NOT_YET = Set.of("\0not yet");
  private static final String LATER = "to be checked once every page is made";

  private PageLinks shared(PageLinks links) {
    List<Ref> shared = new ArrayList<>(links.refs().size());
    for (Ref ref : links.refs()) {
      Ref known = distinct.putIfAbsent(ref, ref);
      shared.add(known != null ? known : ref);
    }
    return new PageLinks(links.ids(), shared);
  }

  /**
   * Registers one page already {@linkplain #scanPage scanned}, in place of what was registered at
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
    if (tracks) {
      stale.add(outputPath);
      if (old == null || !old.ids().equals(links.ids())) {
        stale.addAll(referrers.getOrDefault(outputPath, Set.of()));
      }
    }
  }

  /** Forgets every registered page not in {@code outputPaths} (pages the site no longer has). */
  public void retain(Set<String> outputPaths) {
    for (String page : new ArrayList<>(linksByFile.keySet())) {
      if (!outputPaths.contains(page)) {
        linksByFile.remove(page);
        sourceOf.remove(page);
        problems.remove(page);
        if (tracks) {
          forgetTargets(page);
          stale.remove(page);
          stale.addAll(referrers.getOrDefault(page, Set.of()));
        }
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
    Collection<String> toCheck;
    if (tracks) {
      if (files != lastFiles) { // a caller whose files stay the same passes the same set
        staleWhereMissing(lastFiles, files); // files gone
        staleWhereMissing(files, lastFiles); // files new
        lastFiles = Set.copyOf(files);
      }
      toCheck = stale.stream().filter(linksByFile::containsKey).toList();
    } else {
      problems.clear();
      toCheck = linksByFile.keySet();
    }
    // Pure and read-only on this checker, so the pages are checked on every core; their problems
    // and targets are noted afterwards, on this thread.
    List<Checked> checked = toCheck.parallelStream().map(page -> problemsOf(page, files)).toList();
    for (Checked c : checked) {
      problems.put(c.page(), c.problems());
      if (tracks) {
        forgetTargets(c.page());
        for (String target : c.targets()) {
          referrers.computeIfAbsent(target, k -> new HashSet<>()).add(c.page());
        }
        targetsOf.put(c.page(), c.targets());
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

  /** One page's problems, and (for a checker that tracks them) the files whose presence or ids decide them. */
  private record Checked(String page, List<Problem> problems, Set<String> targets) {}

  /** The problems of one page's links, noting which files each link depends on if this checker tracks them. */
  private Checked problemsOf(String page, Set<String> files) {
    if (page.equals("404.html")) {
      return new Checked(page, List.of(), Set.of()); // served at any address, so its links are absolute from the base path
    }
    Set<String> targets = tracks ? new HashSet<>() : null;
    List<Problem> found = new ArrayList<>();
    for (Ref ref : linksByFile.get(page).refs()) {
      String problem = problem(page, ref.value(), files, targets, this::idsOf);
      if (problem != null) {
        found.add(new Problem(ref, problem));
      }
    }
    return new Checked(page, found.isEmpty() ? List.of() : found, targets);
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

  /**
   * What is wrong with one link, or null; adds the files whose presence or ids decide it to
   * {@code targets}, unless that is null. {@code idsOf} gives a page's ids, or null if it has none
   * registered.
   */
  private Set<String> idsOf(String file) {
    PageLinks links = linksByFile.get(file);
    return links == null ? null : links.ids();
  }

  private static String problem(String page, String value, Set<String> files, Set<String> targets,
      java.util.function.Function<String, Set<String>> idsOf) {
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
    if (targets != null) {
      targets.add(file);
    }
    if (!files.contains(file)) {
      if (targets != null) {
        targets.add(file + "/index.html");
      }
      if (files.contains(file + "/index.html")) {
        file = file + "/index.html";
      } else {
        return "a link points to /" + file + ", which the site does not have; fix the link or add the page";
      }
    }
    if (fragment != null && !fragment.isEmpty() && file.endsWith(".html")) {
      Set<String> ids = idsOf.apply(file);
      if (ids == NOT_YET) {
        return LATER;
      }
      if (ids != null && !ids.contains(fragment)) {
        return "a link points to #" + fragment + " on /" + file + ", which has no such id; fix the fragment";
      }
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
