package org.fieldguide.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.search.SearchIndex;

/**
 * The search index, made of each Markdown page's entries in the order of the pages' addresses, and
 * joined when first asked for: {@code serve} never joins it unless the browser asks (tens of
 * megabytes at 10,000 pages, which no page shows). A page's entries hold its rendered body, its page
 * and its section's title; the memo keeps them while those are equal.
 */
final class SearchStage {
  private SearchStage() {}

  private record EntriesOf(RenderedPage rendered, String section) {}

  static Supplier<byte[]> index(SiteContext context, Bodies bodies, Memo memo) {
    byte[][] parts = new byte[context.searchOrder.size()][];
    Arrays.fill(parts, new byte[0]);
    bodies.byId().values().parallelStream().forEach(body -> {
      RenderedPage r = body.rendered();
      String section = SearchDocuments.sectionTitle(r.page(), context.navigation);
      parts[context.searchOrder.get(r.page().id())] = memo.searchEntries(r.page().id(), new EntriesOf(r, section),
          () -> SearchIndex.entries(SearchDocuments.of(List.of(r), context.navigation)));
    });
    List<byte[]> joined = Arrays.asList(parts);
    return memoized(() -> SearchIndex.join(joined));
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
