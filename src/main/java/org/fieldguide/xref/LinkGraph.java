package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePSet;

/**
 * The link graph of the site, inverted: for each page, the pages that link to it ("Mentioned in"),
 * in title order; for each source, the pages that cite it (a term's front-matter sources count);
 * and the content pages nothing links to. Made from every Markdown page's {@link LinkReport}. An
 * immutable value: {@link #with} makes the graph of a few changed reports from this one, sharing
 * all the rest, and gives what {@link #of} gives for the same reports.
 */
public final class LinkGraph {
  private static final Comparator<Page> BY_TITLE =
      Comparator.comparing(Page::title).thenComparing(Page::id);

  private final Map<String, Page> byId;

  /** Page id → the report the graph holds of that page: what it links to and cites. */
  private final PMap<String, LinkReport> reports;

  /** Target page id → the ids of the pages linking to it; never empty. */
  private final PMap<String, PSortedSet<String>> incoming;

  /** Source key → the ids of the pages citing it; never empty. */
  private final PMap<String, PSortedSet<String>> citedBy;

  private final PSortedSet<String> orphans;

  private LinkGraph(
      Map<String, Page> byId,
      PMap<String, LinkReport> reports,
      PMap<String, PSortedSet<String>> incoming,
      PMap<String, PSortedSet<String>> citedBy,
      PSortedSet<String> orphans) {
    this.byId = byId;
    this.reports = reports;
    this.incoming = incoming;
    this.citedBy = citedBy;
    this.orphans = orphans;
  }

  /** The graph of {@code reports}, one per Markdown page of {@code site}. */
  public static LinkGraph of(Site site, Collection<LinkReport> reports) {
    Map<String, Page> byId = new HashMap<>();
    site.pages().forEach(p -> byId.put(p.id(), p));
    Map<String, TreeSet<String>> in = new HashMap<>();
    Map<String, TreeSet<String>> cites = new HashMap<>();
    Map<String, LinkReport> byPage = new HashMap<>();
    for (LinkReport report : reports) {
      byPage.put(report.pageId(), report);
      for (String target : report.linkedPageIds()) {
        if (!target.equals(report.pageId())) {
          in.computeIfAbsent(target, k -> new TreeSet<>()).add(report.pageId());
        }
      }
      for (String key : report.citedKeys()) {
        cites.computeIfAbsent(key, k -> new TreeSet<>()).add(report.pageId());
      }
    }
    for (Page page : site.pages()) {
      if (page.term() != null) {
        for (String key : page.term().sources()) {
          cites.computeIfAbsent(key, k -> new TreeSet<>()).add(page.id());
        }
      }
    }
    Map<String, PSortedSet<String>> incoming = new HashMap<>();
    in.forEach((target, from) -> incoming.put(target, TreePSet.from(from)));
    Map<String, PSortedSet<String>> citedBy = new HashMap<>();
    cites.forEach((key, from) -> citedBy.put(key, TreePSet.from(from)));
    TreeSet<String> orphans = new TreeSet<>();
    for (Page page : site.pages()) {
      if (isOrphan(page, incoming.containsKey(page.id()))) {
        orphans.add(page.id());
      }
    }
    return new LinkGraph(
        byId,
        HashTreePMap.from(byPage),
        HashTreePMap.from(incoming),
        HashTreePMap.from(citedBy),
        TreePSet.from(orphans));
  }

  /**
   * A graph, and the ids of the pages whose incoming links differ from those of the graph it was
   * made from.
   */
  public record Update(LinkGraph graph, Set<String> targets) {}

  /**
   * The graph of this graph's reports with {@code changed} in place of those of the same pages, for
   * the same pages: only what those reports change is made again.
   */
  public Update with(Collection<LinkReport> changed) {
    PMap<String, LinkReport> held = reports;
    PMap<String, PSortedSet<String>> in = incoming;
    PMap<String, PSortedSet<String>> cites = citedBy;
    PSortedSet<String> alone = orphans;
    Set<String> targets = new TreeSet<>();
    for (LinkReport now : changed) {
      String from = now.pageId();
      LinkReport was = reports.getOrDefault(from, LinkReport.none(from));
      held = held.plus(from, now);
      for (String target : union(was.linkedPageIds(), now.linkedPageIds())) {
        boolean member = now.linkedPageIds().contains(target);
        if (target.equals(from) || was.linkedPageIds().contains(target) == member) {
          continue;
        }
        in = update(in, target, from, member);
        targets.add(target);
      }
      Page page = byId.get(from);
      for (String key : union(was.citedKeys(), now.citedKeys())) {
        boolean listed = page != null && page.term() != null && page.term().sources().contains(key);
        cites = update(cites, key, from, listed || now.citedKeys().contains(key));
      }
    }
    for (String target : targets) {
      Page page = byId.get(target);
      alone =
          page != null && isOrphan(page, in.containsKey(target))
              ? alone.plus(target)
              : alone.minus(target);
    }
    return new Update(new LinkGraph(byId, held, in, cites, alone), targets);
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** {@code map} with {@code from} one of the ids under {@code key} or not. */
  private static PMap<String, PSortedSet<String>> update(
      PMap<String, PSortedSet<String>> map, String key, String from, boolean member) {
    PSortedSet<String> ids = map.getOrDefault(key, TreePSet.empty());
    ids = member ? ids.plus(from) : ids.minus(from);
    return ids.isEmpty() ? map.minus(key) : map.plus(key, ids);
  }

  private static List<Page> sorted(Collection<String> ids, Map<String, Page> byId) {
    List<Page> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(byId.get(id));
    }
    out.sort(BY_TITLE);
    return List.copyOf(out);
  }

  private static boolean isOrphan(Page page, boolean linkedTo) {
    return !(linkedTo
        || page.kind().isGenerated()
        || page.kind() == PageKind.TERM
        || page.kind() == PageKind.FAQ
        || page.id().equals("index")
        || page.id().endsWith("/index"));
  }

  /** Pages linking to {@code page}, sorted by title then id. */
  public List<Page> to(Page page) {
    PSortedSet<String> ids = incoming.get(page.id());
    return ids == null ? List.of() : sorted(ids, byId);
  }

  /**
   * The ids of the pages linking to {@code page}: what {@link #to} lists, in this graph's pages'
   * order.
   */
  public Set<String> idsLinkingTo(Page page) {
    PSortedSet<String> ids = incoming.get(page.id());
    return ids == null ? Set.of() : ids;
  }

  /** Pages citing source {@code key}, sorted by title. */
  public List<Page> citing(String key) {
    PSortedSet<String> ids = citedBy.get(key);
    return ids == null ? List.of() : sorted(ids, byId);
  }

  /**
   * The ids of the pages citing each source, by key: all the references page shows of other pages.
   */
  public Map<String, PSortedSet<String>> citations() {
    return citedBy;
  }

  /**
   * Warns about content pages nothing links to (home, section landings, terms and FAQ pages, which
   * indexes list, excepted).
   */
  public void reportOrphans(Diagnostics diagnostics) {
    for (String id : orphans) {
      diagnostics.warning(
          byId.get(id).sourcePath(),
          1,
          1,
          "no page links to this one, so readers can only find it through"
              + " navigation or search; link to it from a related page");
    }
  }
}
