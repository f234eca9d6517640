package org.fieldguide.xref;

import java.util.List;
import java.util.Set;

/**
 * What resolving one page found: the pages it links to (by any kind of link), the citation keys it
 * cites in order of first use, the fragments on other pages to check once all are rendered, and
 * what it looked up to find them ({@link Lookups}).
 */
public record LinkReport(
    String pageId,
    Set<String> linkedPageIds,
    List<String> citedKeys,
    List<PendingFragment> fragments,
    Lookups lookups) {
  /** The report of a page that links nowhere. */
  public static LinkReport none(String pageId) {
    return new LinkReport(pageId, Set.of(), List.of(), List.of(), Lookups.NONE);
  }

  /** A link to {@code #fragment} on page {@code targetId}, written at a position in the source. */
  public record PendingFragment(
      String targetId, String fragment, String path, int line, int column) {}
}
