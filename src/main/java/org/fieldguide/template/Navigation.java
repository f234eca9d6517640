package org.fieldguide.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;

/**
 * The site's sections and the order of pages in them, computed once: a section is a top-level
 * folder; its landing page is its {@code index.md}; pages sort by {@code order}, then title.
 */
public final class Navigation {
  /** A section: its folder name, landing page (may be null) and pages in reading order. */
  public record Section(String name, String title, Page landing, List<Page> pages) {}

  private static final Comparator<Page> READING_ORDER =
      Comparator.comparingInt(Page::order).thenComparing(Page::title).thenComparing(Page::id);

  private final List<Section> sections = new ArrayList<>();
  private final Map<String, Section> byName = new LinkedHashMap<>();

  /** Every page of every section in reading order, and each page's place in it by id. */
  private final List<Page> reading = new ArrayList<>();

  private final Map<String, Integer> position = new HashMap<>();

  public Navigation(Site site) {
    Map<String, List<Page>> members = new LinkedHashMap<>();
    Map<String, Page> landings = new LinkedHashMap<>();
    for (Page page : site.pages()) {
      if (page.section().isEmpty()
          || page.kind() == PageKind.TERM
          || page.kind() == PageKind.NOT_FOUND) {
        continue;
      }
      if (page.id().equals(page.section() + "/index")) {
        landings.put(page.section(), page);
      } else {
        members.computeIfAbsent(page.section(), k -> new ArrayList<>()).add(page);
      }
      members.computeIfAbsent(page.section(), k -> new ArrayList<>());
    }
    List<String> names = new ArrayList<>(members.keySet());
    names.sort(
        Comparator.comparingInt((String n) -> rank(n, landings.get(n))).thenComparing(n -> n));
    for (String name : names) {
      List<Page> pages = new ArrayList<>(members.get(name));
      pages.sort(READING_ORDER);
      Page landing = landings.get(name);
      String title = landing != null ? landing.title() : capitalize(name);
      if (landing != null && landing.kind() == PageKind.GLOSSARY) {
        pages = List.of();
      }
      Section section = new Section(name, title, landing, List.copyOf(pages));
      sections.add(section);
      byName.put(name, section);
      for (int k = 0; k < section.pages().size() + (landing != null ? 1 : 0); k++) {
        Page p = at(landing, section.pages(), k);
        position.put(p.id(), reading.size());
        reading.add(p);
      }
    }
  }

  /** Content sections first (by their landing page's order), then FAQ, glossary, references. */
  private static int rank(String name, Page landing) {
    return switch (name) {
      case "flowcharts" -> 1000;
      case "faq" -> 1001;
      case "glossary" -> 1002;
      case "references" -> 1003;
      default -> landing == null ? 999 : Math.min(landing.order(), 998);
    };
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public List<Section> sections() {
    return sections;
  }

  public Optional<Section> section(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The page before and after {@code page} in the site's reading order: section after section (in
   * the sidebar's order), each its landing page first, then its pages. The last page of a section
   * leads on to the next section. A page is found by its id, which no other page of the site has.
   */
  public Page[] neighbours(Page page) {
    if (page.kind() == PageKind.TERM || section(page.section()).isEmpty()) {
      return new Page[] {null, null};
    }
    Integer at = position.get(page.id());
    int i = at != null ? at : -1;
    if (i < 0) {
      return new Page[] {null, null};
    }
    return new Page[] {
      i > 0 ? reading.get(i - 1) : null, i + 1 < reading.size() ? reading.get(i + 1) : null
    };
  }

  /** The {@code k}th page in reading order: the landing page (if any) first, then {@code pages}. */
  private static Page at(Page landing, List<Page> pages, int k) {
    return landing == null ? pages.get(k) : k == 0 ? landing : pages.get(k - 1);
  }
}
