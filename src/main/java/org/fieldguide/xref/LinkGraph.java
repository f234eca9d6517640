package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;

/**
 * The link graph of the site, inverted: for each page, the pages that link to it ("Mentioned in"),
 * in title order; for each source, the pages that cite it (a term's front-matter sources count);
 * and the content pages nothing links to. Made from every Markdown page's {@link LinkReport}; an
 * immutable value, equal for equal reports however it was made ({@link #of}, {@link #with}).
 */
public final class LinkGraph {
  private final Site site;
  private final Map<String, Page> byId;
  private final Map<String, LinkReport> reports;
  /** Target page id → the ids of the pages linking to it; never empty. */
  private final Map<String, SortedSet<String>> incoming;
  /** Source key → the ids of the pages citing it; never empty. */
  private final Map<String, SortedSet<String>> citedBy;
  private final SortedSet<String> orphans;
  /** {@link #to}'s answers, sorted once per page; those of pages whose links did not change are taken over by {@link #with}. */
  private final Map<String, List<Page>> sortedTo;

  private LinkGraph(Site site, Map<String, Page> byId, Map<String, LinkReport> reports, Map<String, SortedSet<String>> incoming,
      Map<String, SortedSet<String>> citedBy, SortedSet<String> orphans, Map<String, List<Page>> sortedTo) {
    this.site = site;
    this.byId = byId;
    this.reports = reports;
    this.incoming = incoming;
    this.citedBy = citedBy;
    this.orphans = orphans;
    this.sortedTo = sortedTo;
  }

  /** The graph of {@code reports}, one per Markdown page of {@code site}, by page id. */
  public static LinkGraph of(Site site, Map<String, LinkReport> reports) {
    Map<String, Page> byId = new HashMap<>();
    site.pages().forEach(p -> byId.put(p.id(), p));
    Map<String, SortedSet<String>> incoming = new HashMap<>();
    Map<String, SortedSet<String>> citedBy = new HashMap<>();
    for (LinkReport report : reports.values()) {
      for (String target : report.linkedPageIds()) {
        if (!target.equals(report.pageId())) {
          incoming.computeIfAbsent(target, k -> new TreeSet<>()).add(report.pageId());
        }
      }
      for (String key : report.citedKeys()) {
        citedBy.computeIfAbsent(key, k -> new TreeSet<>()).add(report.pageId());
      }
    }
    for (Page page : site.pages()) {
      if (page.term() != null) {
        for (String key : page.term().sources()) {
          citedBy.computeIfAbsent(key, k -> new TreeSet<>()).add(page.id());
        }
      }
    }
    SortedSet<String> orphans = new TreeSet<>();
    for (Page page : site.pages()) {
      if (isOrphan(page, incoming)) {
        orphans.add(page.id());
      }
    }
    return new LinkGraph(site, byId, Map.copyOf(reports), incoming, citedBy, orphans, new ConcurrentHashMap<>());
  }

  /**
   * The graph of {@code reports} for {@code site}: {@link #of} them, made from this graph by changing
   * only what the reports that differ from this graph's change, when the pages are equal to this
   * graph's (a body edit); the answer is the same either way.
   */
  public LinkGraph with(Site other, Map<String, LinkReport> now) {
    if (!other.pages().equals(site.pages()) || !now.keySet().equals(reports.keySet())) {
      return of(other, now);
    }
    List<LinkReport[]> changed = new ArrayList<>();
    now.forEach((id, report) -> {
      LinkReport was = reports.get(id);
      if (!report.equals(was)) {
        changed.add(new LinkReport[] {was, report});
      }
    });
    if (changed.isEmpty()) {
      return this;
    }
    Map<String, SortedSet<String>> in = new HashMap<>(incoming);
    Map<String, SortedSet<String>> cites = new HashMap<>(citedBy);
    SortedSet<String> alone = new TreeSet<>(orphans);
    Map<String, List<Page>> sorted = new ConcurrentHashMap<>(sortedTo);
    for (LinkReport[] pair : changed) {
      String from = pair[1].pageId();
      Set<String> targets = new TreeSet<>(pair[0].linkedPageIds());
      targets.addAll(pair[1].linkedPageIds());
      targets.remove(from);
      for (String target : targets) {
        update(in, target, from, pair[1].linkedPageIds().contains(target));
        sorted.remove(target);
        Page page = byId.get(target);
        if (page != null && isOrphan(page, in)) {
          alone.add(target);
        } else {
          alone.remove(target);
        }
      }
      Set<String> keys = new TreeSet<>(pair[0].citedKeys());
      keys.addAll(pair[1].citedKeys());
      Page page = byId.get(from);
      for (String key : keys) {
        boolean listed = page != null && page.term() != null && page.term().sources().contains(key);
        update(cites, key, from, listed || pair[1].citedKeys().contains(key));
      }
    }
    return new LinkGraph(other, byId, Map.copyOf(now), in, cites, alone, sorted);
  }

  /** Makes {@code from} one of the ids under {@code key} or not, in a copy of the set. */
  private static void update(Map<String, SortedSet<String>> map, String key, String from, boolean member) {
    SortedSet<String> ids = new TreeSet<>(map.getOrDefault(key, Collections.emptySortedSet()));
    if (member) {
      ids.add(from);
    } else {
      ids.remove(from);
    }
    if (ids.isEmpty()) {
      map.remove(key);
    } else {
      map.put(key, ids);
    }
  }

  private static boolean isOrphan(Page page, Map<String, SortedSet<String>> incoming) {
    return !(page.kind().isGenerated() || page.kind() == PageKind.TERM || page.kind() == PageKind.FAQ
        || page.id().equals("index") || page.id().endsWith("/index") || incoming.containsKey(page.id()));
  }

  /** Every Markdown page's report, by page id. */
  public Map<String, LinkReport> reports() {
    return reports;
  }

  /**
   * Pages linking to {@code page}, sorted by title then id; sorted once per page: a page's
   * template stage asks twice, and a term page has hundreds.
   */
  public List<Page> to(Page page) {
    return sortedTo.computeIfAbsent(page.id(), id -> sorted(incoming.get(id)));
  }

  /** Pages citing source {@code key}, sorted by title. */
  public List<Page> citing(String key) {
    return sorted(citedBy.get(key));
  }

  /** The ids of the pages citing each source, by key: all the references page shows of other pages. */
  public Map<String, SortedSet<String>> citations() {
    return Collections.unmodifiableMap(citedBy);
  }

  private List<Page> sorted(Set<String> ids) {
    if (ids == null) {
      return List.of();
    }
    List<Page> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(byId.get(id));
    }
    out.sort(Comparator.comparing(Page::title).thenComparing(Page::id));
    return List.copyOf(out);
  }

  /** Warns about content pages nothing links to (home, section landings, terms and FAQ pages, which indexes list, excepted). */
  public void reportOrphans(Diagnostics diagnostics) {
    for (String id : orphans) {
      diagnostics.warning(byId.get(id).sourcePath(), 1, 1, "no page links to this one, so readers can only find it through"
          + " navigation or search; link to it from a related page");
    }
  }
}
