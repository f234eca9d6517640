package org.fieldguide.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.model.Site;
import org.fieldguide.xref.LinkReport;

/** Every Markdown page's {@link Body}, in page order, and the ids of those this build rendered itself. */
record Bodies(Map<String, Body> byId, SortedSet<String> rendered) {
  /** The bodies of {@code site}'s Markdown pages in {@code context}, on every core; each taken from {@code memo} where it holds. */
  static Bodies of(SiteContext context, Site site, Memo memo) {
    List<Memo.Made<Body>> made = context.markdownPages.parallelStream()
        .map(page -> {
          String markdown = site.bodies().get(page.id());
          return memo.body(context, page, markdown, () -> Body.of(context, page, markdown));
        })
        .toList();
    Map<String, Body> byId = new LinkedHashMap<>();
    SortedSet<String> rendered = new TreeSet<>();
    for (Memo.Made<Body> body : made) {
      byId.put(body.value().page().id(), body.value());
      if (body.anew()) {
        rendered.add(body.value().page().id());
      }
    }
    return new Bodies(Collections.unmodifiableMap(byId), Collections.unmodifiableSortedSet(rendered));
  }

  /** Each page's link report, by id. */
  Map<String, LinkReport> reports() {
    Map<String, LinkReport> out = new LinkedHashMap<>();
    byId.forEach((id, body) -> out.put(id, body.report()));
    return out;
  }

  /** Each page's rendered body, by id. */
  Map<String, RenderedPage> renderedPages() {
    Map<String, RenderedPage> out = new LinkedHashMap<>();
    byId.forEach((id, body) -> out.put(id, body.rendered()));
    return out;
  }

  /** Adds what was wrong with every body. */
  void report(Diagnostics diagnostics) {
    byId.values().forEach(body -> body.diagnostics().forEach(diagnostics::add));
  }
}
