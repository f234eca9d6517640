package org.fieldguide.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.fieldguide.xref.LinkReport;

/** The link graph inverted: for each page, the pages that link to it, in title order. */
final class Backlinks {
  private final Site site;
  private final Map<String, TreeSet<String>> incoming = new HashMap<>();
  private final Map<String, List<String>> citedBy = new HashMap<>();
  private final Map<String, Page> byId = new HashMap<>();

  Backlinks(Site site, List<LinkReport> reports) {
    this.site = site;
    site.pages().forEach(p -> byId.put(p.id(), p));
    for (LinkReport report : reports) {
      for (String target : report.linkedPageIds()) {
        if (!target.equals(report.pageId())) {
          incoming.computeIfAbsent(target, k -> new TreeSet<>()).add(report.pageId());
        }
      }
      for (String key : report.citedKeys()) {
        citedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(report.pageId());
      }
    }
    for (Page page : site.pages()) {
      if (page.term() != null) {
        for (String key : page.term().sources()) {
          List<String> pages = citedBy.computeIfAbsent(key, k -> new ArrayList<>());
          if (!pages.contains(page.id())) {
            pages.add(page.id());
          }
        }
      }
    }
  }

  /** Pages linking to {@code page}, sorted by title then id. */
  List<Page> to(Page page) {
    List<Page> out = new ArrayList<>();
    for (String id : incoming.getOrDefault(page.id(), new TreeSet<>())) {
      out.add(byId.get(id));
    }
    out.sort(Comparator.comparing(Page::title).thenComparing(Page::id));
    return out;
  }

  /** Pages citing source {@code key}, sorted by title. */
  List<Page> citing(String key) {
    List<Page> out = new ArrayList<>();
    for (String id : citedBy.getOrDefault(key, List.of())) {
      out.add(byId.get(id));
    }
    out.sort(Comparator.comparing(Page::title).thenComparing(Page::id));
    return out;
  }

  /** Warns about content pages nothing links to (home, section landings, terms and FAQ pages, which indexes list, excepted). */
  void reportOrphans(Diagnostics diagnostics) {
    for (Page page : site.pages()) {
      if (page.kind().isGenerated() || page.kind() == PageKind.TERM || page.kind() == PageKind.FAQ || page.id().equals("index")
          || page.id().endsWith("/index")) {
        continue;
      }
      if (!incoming.containsKey(page.id())) {
        diagnostics.warning(page.sourcePath(), 1, 1, "no page links to this one, so readers can only find it through"
            + " navigation or search; link to it from a related page");
      }
    }
  }
}
