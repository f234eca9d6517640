package org.fieldguide.xref;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;

/**
 * The files a build writes, known before any page is rendered: each page's output file and the
 * other files (assets, search index, sitemap…). With it the linker reports a link to a file the
 * site will not have at the link itself, together with every other error; the site-wide link
 * checker stays the backstop for links it cannot judge. Paths are relative to the site root, such
 * as {@code assets/style.css} or {@code alignment/rlhf/index.html}.
 */
public final class KnownFiles {
  private static final KnownFiles UNKNOWN = new KnownFiles(Map.of(), Set.of(), false);

  private final Map<String, Page> pages;
  private final Set<String> others;
  private final boolean known;

  private KnownFiles(Map<String, Page> pages, Set<String> others, boolean known) {
    this.pages = pages;
    this.others = others;
    this.known = known;
  }

  /**
   * The pages of {@code site} and {@code otherFiles}, every file besides pages that the build
   * writes.
   */
  public static KnownFiles of(Site site, Collection<String> otherFiles) {
    Map<String, Page> pages = new HashMap<>();
    for (Page page : site.pages()) {
      pages.put(page.outputPath(), page);
    }
    return new KnownFiles(Map.copyOf(pages), Set.copyOf(otherFiles), true);
  }

  /**
   * No knowledge of the output: the linker then leaves every site address to the site-wide checker.
   */
  public static KnownFiles unknown() {
    return UNKNOWN;
  }

  boolean known() {
    return known;
  }

  boolean has(String file) {
    return pages.containsKey(file) || others.contains(file);
  }

  /** The page written at {@code file}, if a page is. */
  Optional<Page> page(String file) {
    return Optional.ofNullable(pages.get(file));
  }
}
