package org.fieldguide.xref;

import java.util.ArrayList;
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
import org.fieldguide.xref.LinkReport;

/**
 * The link graph inverted: for each page, the pages that link to it, in title order; for each
 * source, the pages that cite it. {@code serve} keeps one from build to build and {@linkplain
 * #replace replaces} the reports of the pages it renders again.
 */
public final class Backlinks {
  private final Site site;
  private final Map<String, TreeSet<String>> incoming = new HashMap<>();
  private final Map<String, TreeSet<String>> citedBy = new HashMap<>();
  private final Map<String, Page> byId = new HashMap<>();
  private int citationChanges;
  /** The content pages nothing links to (see {@link #reportOrphans}), by id. */
  private final TreeSet<String> orphans = new TreeSet<>();

  /** What the references page shows of the citations: which pages cite each source (by identity and version). */
  public record Citations(Backlinks of, int version) {}

  public Backlinks(Site site, List<LinkReport> reports) {
    this.site = site;
    site.pages().forEach(p -> byId.put(p.id(), p));
    reports.forEach(this::add);
    for (Page page : site.pages()) {
      if (page.term() != null) {
        for (String key : page.term().sources()) {
          citedBy.computeIfAbsent(key, k -> new TreeSet<>()).add(page.id());
        }
      }
      updateOrphan(page);
    }
  }

  private void updateOrphan(Page page) {
    if (page.kind().isGenerated() || page.kind() == PageKind.TERM || page.kind() == PageKind.FAQ || page.id().equals("index")
        || page.id().endsWith("/index") || incoming.containsKey(page.id())) {
      orphans.remove(page.id());
    } else {
      orphans.add(page.id());
    }
  }

  /**
   * Takes {@code now} in place of {@code old}, the same page's report from the last build, and
   * returns the ids of the pages whose incoming links changed.
   */
  public Set<String> replace(LinkReport old, LinkReport now) {
    Set<String> changed = new TreeSet<>(old.linkedPageIds());
    changed.addAll(now.linkedPageIds());
    changed.removeIf(id -> old.linkedPageIds().contains(id) == now.linkedPageIds().contains(id));
    changed.remove(now.pageId());
    if (!old.citedKeys().equals(now.citedKeys())) {
      citationChanges++;
    }
    remove(old);
    add(now);
    sortedTo.clear();
    for (String id : changed) {
      Page page = byId.get(id);
      if (page != null) {
        updateOrphan(page);
      }
    }
    return changed;
  }

  private void add(LinkReport report) {
    for (String target : report.linkedPageIds()) {
      if (!target.equals(report.pageId())) {
        incoming.computeIfAbsent(target, k -> new TreeSet<>()).add(report.pageId());
      }
    }
    for (String key : report.citedKeys()) {
      citedBy.computeIfAbsent(key, k -> new TreeSet<>()).add(report.pageId());
    }
  }

  private void remove(LinkReport report) {
    for (String target : report.linkedPageIds()) {
      TreeSet<String> from = incoming.get(target);
      if (from != null) {
        from.remove(report.pageId());
        if (from.isEmpty()) {
          incoming.remove(target);
        }
      }
    }
    Page page = byId.get(report.pageId());
    for (String key : report.citedKeys()) {
      TreeSet<String> pages = citedBy.get(key);
      boolean listed = page != null && page.term() != null && page.term().sources().contains(key);
      if (pages != null && !listed) {
        pages.remove(report.pageId());
        if (pages.isEmpty()) {
          citedBy.remove(key);
        }
      }
    }
  }

  public Site site() {
    return site;
  }

  /** The pages citing each source as they are now; equal to another only if nothing changed between them. */
  public Citations citations() {
    return new Citations(this, citationChanges);
  }

  /**
   * Pages linking to {@code page}, sorted by title then id; sorted once per page and kept until the
   * links change ({@link #replace}): a page's template stage asks twice, and a term page has hundreds.
   */
  public List<Page> to(Page page) {
    return sortedTo.computeIfAbsent(page.id(), id -> sorted(incoming.get(id)));
  }

  private final Map<String, List<Page>> sortedTo = new java.util.concurrent.ConcurrentHashMap<>();

  /** Pages citing source {@code key}, sorted by title. */
  public List<Page> citing(String key) {
    return sorted(citedBy.get(key));
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
    return java.util.Collections.unmodifiableList(out);
  }

  /** Warns about content pages nothing links to (home, section landings, terms and FAQ pages, which indexes list, excepted). */
  public void reportOrphans(Diagnostics diagnostics) {
    for (String id : orphans) {
      diagnostics.warning(byId.get(id).sourcePath(), 1, 1, "no page links to this one, so readers can only find it through"
          + " navigation or search; link to it from a related page");
    }
  }
}
