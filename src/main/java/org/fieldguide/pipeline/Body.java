package org.fieldguide.pipeline;

import java.util.List;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.markdown.PageBodies;
import org.fieldguide.markdown.RenderedPage;
import org.fieldguide.model.Page;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.Lookups;

/**
 * One Markdown page's body after the two body stages: linked (what it links to and cites, and the
 * fragments to check once every page is made) and rendered; with every lookup either stage made,
 * which is all its HTML depends on besides its own page, its Markdown and the context's namespace,
 * and what was wrong with it.
 */
record Body(Page page, LinkReport report, RenderedPage rendered, Lookups lookups, List<Diagnostic> diagnostics) {
  /**
   * Parses, links and renders {@code markdown}, the body of {@code page}, in one go, so that its
   * Markdown tree can go as soon as its HTML exists: holding every tree until every page was linked
   * made the peak memory of a large site.
   */
  static Body of(SiteContext context, Page page, String markdown) {
    Diagnostics own = new Diagnostics();
    PageBodies.Linked linked = context.bodies.parseAndLink(page, markdown, own);
    PageBodies.Rendered rendered = context.bodies.render(linked, own);
    Lookups lookups = new Lookups.Builder().addAll(linked.report().lookups()).addAll(rendered.lookups()).build();
    return new Body(page, linked.report(), rendered.page(), lookups, own.all());
  }
}
