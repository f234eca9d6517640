package org.fieldguide.xref;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one page's body looked up in the {@link TargetIndex} while it was linked and rendered, and
 * what each lookup gave: the names it looked up (normalized) with the ids of the pages each found,
 * and every page it used, as it was. The body's HTML depends on these and on nothing else of other
 * pages' front matter, so it holds as long as every name finds the same pages and every page is
 * equal to what it was ({@link #holdIn}). Table cells and flowchart links count too.
 */
public record Lookups(
    Map<String, List<String>> names, Map<String, org.fieldguide.model.Page> pages) {
  public Lookups {
    names = Map.copyOf(names);
    pages = Map.copyOf(pages);
  }

  public static final Lookups NONE = new Lookups(Map.of(), Map.of());

  /** Whether every lookup gives in {@code targets} what it gave when these were noted. */
  public boolean holdIn(TargetIndex targets) {
    for (Map.Entry<String, List<String>> name : names.entrySet()) {
      if (!targets.lookup(name.getKey()).ids().equals(name.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, org.fieldguide.model.Page> page : pages.entrySet()) {
      if (!targets.byId(page.getKey()).equals(java.util.Optional.of(page.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** Notes lookups as a page is linked and rendered; used by one thread at a time. */
  public static final class Builder {
    private final Map<String, List<String>> names = new HashMap<>();
    private final Map<String, org.fieldguide.model.Page> pages = new HashMap<>();

    /** Notes that looking up {@code name} gave {@code found}. */
    TargetIndex.Lookup name(String name, TargetIndex.Lookup found) {
      names.put(TargetIndex.normalize(name), found.ids());
      found.candidates().forEach(this::page);
      return found;
    }

    /** Notes that the body used {@code page} (its address, title or term). */
    org.fieldguide.model.Page page(org.fieldguide.model.Page page) {
      pages.put(page.id(), page);
      return page;
    }

    public Builder addAll(Lookups other) {
      names.putAll(other.names());
      pages.putAll(other.pages());
      return this;
    }

    public Lookups build() {
      return new Lookups(names, pages);
    }
  }
}
