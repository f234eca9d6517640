package org.fieldguide.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.fieldguide.search.SearchIndex;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * The search index: each Markdown page's entries, in the order of the pages' addresses, joined when
 * first asked for ({@code serve} never joins it unless the browser asks: tens of megabytes at
 * 10,000 pages, which no page shows). A page's entries hold its rendered body, its page and its
 * section's title; they are written again only for the pages whose body changed, or every page in
 * another context.
 */
final class SearchStage {
  private SearchStage() {}

  /** A page's entries and the rendered body they were written from. */
  record Entries(String id, Body.Rendering from, byte[] bytes) {}

  /**
   * The value of this stage: each page's entries by id, and their bytes in the order of {@link
   * SiteContext#searchOrder}.
   */
  record Parts(PMap<String, Entries> byId, byte[][] ordered) {
    static final Parts NONE = new Parts(HashTreePMap.empty(), new byte[0][]);

    /** The index, joined when first asked for. */
    Supplier<byte[]> index() {
      List<byte[]> parts = Arrays.asList(ordered); // never written to once made
      return memoized(() -> SearchIndex.join(parts));
    }
  }

  static Parts write(SiteContext context, Bodies bodies, Parts last) {
    boolean all =
        !(bodies.changed() instanceof Changes.Some)
            || last.ordered().length != context.searchOrder.size();
    byte[][] ordered = all ? new byte[context.searchOrder.size()][] : last.ordered().clone();
    Changes changes = all ? Changes.ALL : bodies.changed();
    List<Entries> written =
        changes.among(bodies.byId().values(), bodies.byId()::get).parallelStream()
            .map(
                body -> {
                  Entries before = last.byId().get(body.page().id());
                  return before != null && before.from().equals(body.rendering())
                      ? before
                      : new Entries(
                          body.page().id(),
                          body.rendering(),
                          SearchIndex.entries(
                              SearchDocuments.of(body.rendered()).stream().toList()));
                })
            .toList();
    PMap<String, Entries> byId = all ? HashTreePMap.empty() : last.byId();
    java.util.Map<String, Entries> updates = new java.util.HashMap<>();
    for (Entries e : written) {
      String id = e.id();
      updates.put(id, e);
      ordered[context.searchOrder.get(id)] = e.bytes();
    }
    return new Parts(byId.plusAll(updates), ordered);
  }

  /** {@code make}, run once, when first asked for; thread-safe. */
  private static Supplier<byte[]> memoized(Supplier<byte[]> make) {
    return new Supplier<>() {
      private byte[] made;

      @Override
      public synchronized byte[] get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
  }
}
