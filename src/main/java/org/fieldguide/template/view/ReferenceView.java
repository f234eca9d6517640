package org.fieldguide.template.view;

import java.util.List;

/**
 * One source in a References list: its number on the page (or 0 on /references/), its anchor id,
 * the formatted parts, and, on /references/, the pages that cite it.
 */
public record ReferenceView(
    int number,
    String id,
    String authors,
    String title,
    int year,
    String venue,
    String href,
    String note,
    List<LinkView> citedBy) {
  public boolean hasHref() {
    return href != null;
  }

  public boolean hasVenue() {
    return venue != null;
  }

  public boolean hasNote() {
    return note != null;
  }

  public boolean hasCitedBy() {
    return !citedBy.isEmpty();
  }
}
