package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fieldguide.model.Page;
import org.fieldguide.model.PageKind;
import org.fieldguide.model.Site;

/**
 * Every name a link may use, in three tiers tried in order: a page's full id ({@code
 * alignment/rlhf}), a page's slug or title, a glossary term's slug, name or alias. Exact names are
 * tried before names with a plural "s" folded away.
 */
public final class TargetIndex {
  /** The outcome of looking a name up: one page, several (ambiguous), or none. */
  public record Lookup(List<Page> candidates) {
    public boolean found() {
      return candidates.size() == 1;
    }

    public Page page() {
      return candidates.get(0);
    }

    /** The ids of the candidates, in order. */
    public List<String> ids() {
      return candidates.stream().map(Page::id).toList();
    }
  }

  private final Map<String, Page> byId = new HashMap<>();
  private final Map<String, Page> byContentPath = new HashMap<>();
  private final List<Map<String, Set<Page>>> exact =
      List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
  private final List<Map<String, Set<Page>>> folded =
      List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());

  /** The drafts the build leaves out, indexed alike; null if there are none. */
  private final TargetIndex drafts;

  public TargetIndex(Site site) {
    this(site.pages(), site.drafts());
  }

  private TargetIndex(List<Page> pages, List<Page> drafts) {
    this.drafts = drafts.isEmpty() ? null : new TargetIndex(drafts, List.of());
    for (Page page : pages) {
      byId.put(page.id(), page);
      if (page.sourcePath() != null) {
        byContentPath.put(page.id() + ".md", page);
      }
      add(0, page.id(), page);
      if (page.kind() == PageKind.TERM) {
        add(2, page.slug(), page);
        for (String name : page.term().names()) {
          add(2, name, page);
        }
      } else {
        if (!page.id().equals("index") && !page.id().endsWith("/index")) {
          add(1, page.slug(), page);
        } else if (page.id().endsWith("/index")) {
          add(1, page.id().substring(0, page.id().length() - "/index".length()), page);
        }
        add(1, page.title(), page);
      }
    }
  }

  private void add(int tier, String name, Page page) {
    String key = normalize(name);
    exact.get(tier).computeIfAbsent(key, k -> new LinkedHashSet<>()).add(page);
    folded.get(tier).computeIfAbsent(singular(key), k -> new LinkedHashSet<>()).add(page);
  }

  public Optional<Page> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** {@link #byId}, noting the page found in {@code seen}. */
  public Optional<Page> byId(String id, Lookups.Builder seen) {
    return byId(id).map(seen::page);
  }

  /**
   * The page made from a content file, by its path relative to {@code content/}, noted in {@code
   * seen}.
   */
  public Optional<Page> byContentPath(String contentPath, Lookups.Builder seen) {
    return Optional.ofNullable(byContentPath.get(contentPath)).map(seen::page);
  }

  /** Looks a name up: exact names in each tier first, then names with a plural folded away. */
  public Lookup lookup(String name) {
    return find(name);
  }

  /** {@link #lookup}, noting the name and what it found in {@code seen}. */
  public Lookup lookup(String name, Lookups.Builder seen) {
    return seen.name(name, find(name));
  }

  private Lookup find(String name) {
    String key = normalize(name);
    for (Map<String, Set<Page>> tier : exact) {
      Set<Page> found = tier.get(key);
      if (found != null) {
        return new Lookup(List.copyOf(found));
      }
    }
    String singular = singular(key);
    for (Map<String, Set<Page>> tier : folded) {
      Set<Page> found = tier.get(singular);
      if (found != null) {
        return new Lookup(List.copyOf(found));
      }
    }
    return new Lookup(List.of());
  }

  /**
   * The draft, left out of this build, that a name not found would have found: links to it are
   * reported as links to a draft, not to nothing. Only for a name that {@link #lookup} does not
   * find.
   */
  public Optional<Page> draft(String name) {
    if (drafts == null) {
      return Optional.empty();
    }
    Lookup found = drafts.find(name);
    return found.candidates().isEmpty() ? Optional.empty() : Optional.of(found.page());
  }

  /**
   * The draft, left out of this build, made from a content file (by its path relative to {@code
   * content/}).
   */
  public Optional<Page> draftAt(String contentPath) {
    return drafts == null
        ? Optional.empty()
        : Optional.ofNullable(drafts.byContentPath.get(contentPath));
  }

  /** Every name in the index, for "closest" suggestions. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    exact.forEach(t -> out.addAll(t.keySet()));
    out.sort(null);
    return out;
  }

  static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[\\s_]+", " ");
  }

  static String singular(String key) {
    if (key.endsWith("ies") && key.length() > 4) {
      return key.substring(0, key.length() - 3) + "y";
    }
    if (key.endsWith("es")
        && (key.endsWith("sses")
            || key.endsWith("xes")
            || key.endsWith("ches")
            || key.endsWith("shes"))) {
      return key.substring(0, key.length() - 2);
    }
    if (key.endsWith("s") && !key.endsWith("ss") && key.length() > 2) {
      return key.substring(0, key.length() - 1);
    }
    return key;
  }
}
