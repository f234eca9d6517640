package org.fieldguide.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fieldguide.diag.Diagnostics;

/**
 * Checks the rendered site as a whole: every relative {@code href} and {@code src} on every page
 * must reach a file the build writes, and every fragment an id on the page it points to. Run only
 * after every page is rendered (ids are gathered first, then checked).
 *
 * <p>{@link #scanPage} keeps what the check needs of each page; {@link #check} checks one page's
 * links, a pure function of them, the files the site has and the ids of the pages they point to,
 * and says which files its answer depends on, so that a build can keep the answer while those files
 * and their ids stay as they were. A checker {@linkplain #SiteLinkChecker() that keeps every link}
 * is for {@code serve}, whose files change from build to build; one {@linkplain #forOneBuild for
 * one build} checks each link against the files it {@linkplain #expect expects} as its page is
 * scanned and keeps only those that are wrong or point to a fragment of another page: at 10,000
 * pages, every page's every link would be millions (every page's sidebar reaches every section).
 */
public final class SiteLinkChecker {
  /** Whether {@link #scanPage} keeps every link; else it checks each against {@link #expected}. */
  private final boolean keepsEveryLink;

  /**
   * One instance of each distinct link, shared by every page that has it. Pages repeat the
   * template's links (a section's pages share their sidebar), so this keeps a few thousand links
   * instead of hundreds per page.
   */
  private final Map<Ref, Ref> distinct = new ConcurrentHashMap<>();

  /**
   * A checker whose pages keep every link, to be checked again as other files come, go or change
   * their ids.
   */
  public SiteLinkChecker() {
    this(true);
  }

  private SiteLinkChecker(boolean keepsEveryLink) {
    this.keepsEveryLink = keepsEveryLink;
  }

  /**
   * A checker for a single build: its pages keep only the links that the files it expects leave in
   * doubt.
   */
  public static SiteLinkChecker forOneBuild() {
    return new SiteLinkChecker(false);
  }

  /**
   * One {@code href} or {@code src} of a page, and whether it lies in the page's content (else in
   * the template's chrome). Only these and the ids are kept, not each page's Jsoup tree, so memory
   * does not grow with the size of every page of the site.
   */
  public record Ref(String tag, String attr, String value, boolean content) {}

  /**
   * What the checker keeps of one page: its ids and its links. Made by {@link #scanPage}, on any
   * thread.
   */
  public record PageLinks(Set<String> ids, List<Ref> refs) {}

  /** What is wrong with one link: the link and what to do. */
  public record Problem(Ref ref, String text) {}

  /** One page's problems, and the files whose presence or ids decide them. */
  public record Checked(List<Problem> problems, Set<String> targets) {}

  /** What {@link #check} knows of the ids of the file a link's fragment points to. */
  public sealed interface Ids {
    /** The file is a page made with these ids. */
    record Known(Set<String> ids) implements Ids {}

    /** The file is a page not made yet: a link into it is checked once every page is made. */
    record NotMadeYet() implements Ids {}

    /** The file has no ids to check (not a page the build made). */
    record None() implements Ids {}
  }

  private static final Ids NOT_MADE_YET = new Ids.NotMadeYet();
  private static final Ids NONE = new Ids.None();
  private static final String LATER = "to be checked once every page is made";

  /**
   * The ids and links of the page at {@code outputPath}, held in the first {@code length} chars of
   * {@code chars}; safe to call from several threads at once. A checker that keeps every link keeps
   * each as the one instance of it this checker holds ({@link #distinct}). A checker for one build
   * that was told the files to {@link #expect} checks each link at once against them and keeps only
   * those that are wrong, or that point to a fragment of another page, whose ids may not be known
   * yet; {@link #check} looks at these again. A page then holds a handful of links instead of
   * hundreds, and the check at the end has almost nothing left to do.
   */
  public PageLinks scanPage(String outputPath, char[] chars, int length) {
    PageLinks links = PageScanner.scan(chars, length);
    Set<String> files = expected;
    if (keepsEveryLink || files == null) {
      return shared(links);
    }
    List<Ref> keep = new ArrayList<>();
    if (!outputPath.equals("404.html")) { // never checked: see check
      Function<String, Ids> ownIds =
          file -> file.equals(outputPath) ? new Ids.Known(links.ids()) : NOT_MADE_YET;
      for (Ref ref : links.refs()) {
        if (problem(outputPath, ref.value(), files, null, ownIds) != null) {
          keep.add(ref);
        }
      }
    }
    return new PageLinks(links.ids(), keep);
  }

  /**
   * For a checker {@linkplain #forOneBuild for one build}: the paths of every file the build will
   * write, known before its pages are made, against which {@link #scanPage} checks each link (a
   * checker that keeps every link does not ask for them). A file missing from what {@link #check}
   * is given at the end can only be a page whose template failed, an error after which the build
   * does not check links.
   */
  public void expect(java.util.function.Supplier<Set<String>> files) {
    if (keepsEveryLink) {
      return; // it checks every link at the end, against the files then
    }
    expected = Set.copyOf(files.get());
  }

  private volatile Set<String> expected;

  private PageLinks shared(PageLinks links) {
    List<Ref> shared = new ArrayList<>(links.refs().size());
    for (Ref ref : links.refs()) {
      Ref known = distinct.putIfAbsent(ref, ref);
      shared.add(known != null ? known : ref);
    }
    return new PageLinks(links.ids(), shared);
  }

  /**
   * The problems of the links of the page at {@code page}, checked against {@code files}, the paths
   * the build writes, and {@code idsOf}, the ids of each made page ({@link Ids.None} for any other
   * file); and the files whose presence or ids decide them.
   */
  public static Checked check(
      String page, PageLinks links, Set<String> files, Function<String, Ids> idsOf) {
    if (page.equals("404.html")) {
      return new Checked(
          List.of(),
          Set.of()); // served at any address, so its links are absolute from the base path
    }
    Set<String> targets = new HashSet<>();
    List<Problem> found = new ArrayList<>();
    for (Ref ref : links.refs()) {
      String problem = problem(page, ref.value(), files, targets, idsOf);
      if (problem != null) {
        found.add(new Problem(ref, problem));
      }
    }
    return new Checked(found.isEmpty() ? List.of() : List.copyOf(found), Set.copyOf(targets));
  }

  /**
   * {@link Ids} for a page made with {@code ids}, or for a file with none if {@code ids} is null.
   */
  public static Ids ids(Set<String> ids) {
    return ids == null ? NONE : new Ids.Known(ids);
  }

  /**
   * Reports every page's problems, in page order: a problem in a page's content at the page's
   * source, one in the template's chrome once for all the pages it appears on.
   */
  public static void report(
      SortedMap<String, List<Problem>> problems,
      Function<String, String> sourceOf,
      Diagnostics diagnostics) {
    Set<String> reportedChrome = new HashSet<>();
    for (Map.Entry<String, List<Problem>> entry : problems.entrySet()) {
      String page = entry.getKey();
      for (Problem p : entry.getValue()) {
        Ref ref = p.ref();
        if (ref.content()) {
          diagnostics.error(
              sourceOf.apply(page),
              0,
              0,
              p.text() + " (in " + ref.attr() + "=\"" + ref.value() + "\" on /" + page + ")");
        } else if (reportedChrome.add(
            ref.tag()
                + " "
                + ref.attr()
                + " "
                + ref.value().replaceAll("^(\\./|(\\.\\./)+)", ""))) {
          diagnostics.error(
              "templates",
              0,
              0,
              "a template "
                  + p.text()
                  + " (in "
                  + ref.attr()
                  + "=\""
                  + ref.value()
                  + "\" on /"
                  + page
                  + ")");
        }
      }
    }
  }

  /**
   * What is wrong with one link, or null; adds the files whose presence or ids decide it to {@code
   * targets}, unless that is null.
   */
  private static String problem(
      String page,
      String value,
      Set<String> files,
      Set<String> targets,
      Function<String, Ids> idsOf) {
    if (value.isEmpty() || Addresses.hasScheme(value) || value.startsWith("//")) {
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
        return "a link points to /"
            + file
            + ", which the site does not have; fix the link or add the page";
      }
    }
    if (fragment != null && !fragment.isEmpty() && file.endsWith(".html")) {
      Ids ids = idsOf.apply(file);
      if (ids instanceof Ids.NotMadeYet) {
        return LATER;
      }
      if (ids instanceof Ids.Known known && !known.ids().contains(fragment)) {
        return "a link points to #"
            + fragment
            + " on /"
            + file
            + ", which has no such id; fix the fragment";
      }
    }
    return null;
  }
}
