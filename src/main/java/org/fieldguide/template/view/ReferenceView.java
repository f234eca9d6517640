package org.fieldguide.template.view;

import java.util.List;

/**
 * One source in a References list: its number on the page (or 0 on /references/), its anchor id,
 * the formatted parts, on /references/ the pages that cite it, and on a page the links back to each
 * place the page cites it.
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
    List<LinkView> citedBy,
    List<BackrefView> uses) {
  public ReferenceView(
      int number,
      String id,
      String authors,
      String title,
      int year,
      String venue,
      String href,
      String note,
      List<LinkView> citedBy) {
    this(number, id, authors, title, year, venue, href, note, citedBy, List.of());
  }

  /** This reference with links back to the places that cite it. */
  public ReferenceView withUses(List<BackrefView> backrefs) {
    return new ReferenceView(
        number, id, authors, title, year, venue, href, note, citedBy, List.copyOf(backrefs));
  }

  /** Whether the page links back from this reference to the places that cite it. */
  public boolean hasUses() {
    return !uses.isEmpty();
  }

  /** Whether it is cited in more than one place (the links back are then lettered). */
  public boolean manyUses() {
    return uses.size() > 1;
  }

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
