package org.fieldguide.pipeline;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.xref.LinkGraph;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * The value of the body stages: every Markdown page's {@link Body} by id; the Markdown they were
 * made from; the diagnostics of those that have any; the ids whose body shows something else than
 * in the last build's value ({@link Changes}); and the ids of the bodies this build rendered.
 */
record Bodies(
    PMap<String, Body> byId,
    Map<String, String> markdown,
    PMap<String, List<Diagnostic>> problems,
    Changes changed,
    SortedSet<String> rendered) {

  static final Bodies NONE =
      new Bodies(
          HashTreePMap.empty(),
          Map.of(),
          HashTreePMap.empty(),
          Changes.ALL,
          Collections.emptySortedSet());

  /**
   * The pages of {@code site} whose Markdown differs from that of {@code last}, the bodies made in
   * the context with digest {@code lastContext}; every page if that is not {@code context}'s.
   */
  static Changes edited(SiteContext context, Site site, Digest lastContext, Bodies last) {
    return context.digest.equals(lastContext)
        ? Changes.of(org.fieldguide.model.Bodies.of(site.bodies()).differingFrom(last.markdown()))
        : Changes.ALL;
  }

  /**
   * The bodies of {@code site}'s Markdown pages in {@code context}: those of the pages whose inputs
   * {@code changes} names are made again (on every core) unless {@code last}'s still hold; the
   * others are {@code last}'s.
   */
  static Bodies of(SiteContext context, Site site, Bodies last, Changes changes) {
    List<Page> candidates =
        changes.among(
            context.markdownPages,
            id -> {
              Page page = context.byId.get(id);
              return page != null && !page.kind().isGenerated() ? page : null;
            });
    List<Made> made =
        candidates.parallelStream()
            .map(
                page -> {
                  String markdown = site.bodies().get(page.id());
                  Body before = last.byId().get(page.id());
                  java.util.Optional<Body> held =
                      before == null
                          ? java.util.Optional.empty()
                          : before.in(context, page, markdown);
                  return held.map(body -> new Made(body, false))
                      .orElseGet(() -> new Made(Body.of(context, page, markdown), true));
                })
            .toList();
    PMap<String, Body> byId = changes instanceof Changes.All ? HashTreePMap.empty() : last.byId();
    PMap<String, List<Diagnostic>> problems =
        changes instanceof Changes.All ? HashTreePMap.empty() : last.problems();
    SortedSet<String> rendered = new TreeSet<>();
    java.util.Set<String> changed = new java.util.HashSet<>();
    Map<String, Body> updates = new HashMap<>();
    for (Made m : made) {
      String id = m.body().page().id();
      updates.put(id, m.body());
      if (m.anew()) {
        rendered.add(id);
      }
      if (!m.body().showsAs(last.byId().get(id))) {
        changed.add(id);
      }
      problems =
          m.body().diagnostics().isEmpty()
              ? problems.minus(id)
              : problems.plus(id, m.body().diagnostics());
    }
    return new Bodies(
        byId.plusAll(updates),
        site.bodies(),
        problems,
        changes instanceof Changes.All ? Changes.ALL : Changes.of(changed),
        Collections.unmodifiableSortedSet(rendered));
  }

  /**
   * The link graph of these bodies' reports: made from {@code lastGraph}, the last build's, where
   * only the bodies {@link #changed} names may differ, else anew.
   */
  LinkGraph.Update linkGraph(Site site, LinkGraph lastGraph) {
    if (changed instanceof Changes.Some some && lastGraph != null) {
      return lastGraph.with(some.keys().stream().map(id -> byId.get(id).report()).toList());
    }
    return new LinkGraph.Update(
        LinkGraph.of(site, byId.values().stream().map(Body::report).toList()), java.util.Set.of());
  }

  /** A body, and whether this build rendered it. */
  private record Made(Body body, boolean anew) {}

  /** Adds what was wrong with every body. */
  void report(Diagnostics diagnostics) {
    problems.values().forEach(list -> list.forEach(diagnostics::add));
  }
}
