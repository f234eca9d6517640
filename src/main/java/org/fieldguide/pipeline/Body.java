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
 * fragments to check once every page is made) and rendered; with what it was made from (its page,
 * its Markdown, the digests of its context and of the context's namespace) and every lookup either
 * stage made, which is all its HTML depends on; and what was wrong with it.
 */
record Body(
    Page page,
    String markdown,
    Digest context,
    Digest namespace,
    LinkReport report,
    Rendering rendering,
    Lookups lookups,
    List<Diagnostic> diagnostics) {
  /**
   * Parses, links and renders {@code markdown}, the body of {@code page}, in one go, so that its
   * Markdown tree can go as soon as its HTML exists: holding every tree until every page was linked
   * made the peak memory of a large site.
   */
  static Body of(SiteContext context, Page page, String markdown) {
    Diagnostics own = new Diagnostics();
    PageBodies.Linked linked = context.bodies.parseAndLink(page, markdown, own);
    PageBodies.Rendered rendered = context.bodies.render(linked, own);
    Lookups lookups =
        new Lookups.Builder().addAll(linked.report().lookups()).addAll(rendered.lookups()).build();
    return new Body(
        page,
        markdown,
        context.digest,
        context.namespace,
        linked.report(),
        Rendering.of(rendered.page()),
        lookups,
        own.all());
  }

  /**
   * This body, if rendering {@code markdown} for {@code page} in {@code context} would give it
   * again: the same page and Markdown, and either the same context, or the same namespace, no
   * diagnostics (whose suggestions draw on every name) and every lookup giving what it gave.
   */
  java.util.Optional<Body> in(SiteContext context, Page page, String markdown) {
    if (!this.page.equals(page) || !this.markdown.equals(markdown)) {
      return java.util.Optional.empty();
    }
    if (this.context.equals(context.digest)) {
      return java.util.Optional.of(this);
    }
    if (namespace.equals(context.namespace)
        && diagnostics.isEmpty()
        && lookups.holdIn(context.targets)) {
      return java.util.Optional.of(
          new Body(
              page, markdown, context.digest, namespace, report, rendering, lookups, diagnostics));
    }
    return java.util.Optional.empty();
  }

  /** Whether {@code other} shows what this body shows: the same report, HTML and diagnostics. */
  boolean showsAs(Body other) {
    return other != null
        && report.equals(other.report)
        && rendering.equals(other.rendering)
        && diagnostics.equals(other.diagnostics);
  }

  /** The body's HTML and what goes with it (see {@link Rendering}). */
  RenderedPage rendered() {
    return rendering.get();
  }

  /**
   * A body's {@link RenderedPage}: at hand, or made again from the body's page and Markdown when
   * first asked for. A body restored from the memo file ({@link MemoFile}) keeps its Markdown but
   * not its HTML, which would be most of the file; its context, whose digest is the one the body
   * was made in, makes the same HTML again, and a build after a one-page edit asks for it only for
   * the few pages it makes again. Two renderings are equal when their pages are.
   */
  static final class Rendering {
    private final java.util.function.Supplier<RenderedPage> make;
    private volatile RenderedPage page;

    private Rendering(RenderedPage page, java.util.function.Supplier<RenderedPage> make) {
      this.page = page;
      this.make = make;
    }

    static Rendering of(RenderedPage page) {
      return new Rendering(java.util.Objects.requireNonNull(page), null);
    }

    /** The rendering of {@code markdown} for {@code page} in {@code context}, made when asked. */
    static Rendering later(SiteContext context, Page page, String markdown) {
      return new Rendering(null, () -> Body.of(context, page, markdown).rendered());
    }

    RenderedPage get() {
      RenderedPage made = page;
      if (made == null) {
        synchronized (this) {
          made = page;
          if (made == null) {
            made = make.get();
            page = made;
          }
        }
      }
      return made;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Rendering other && get().equals(other.get());
    }

    @Override
    public int hashCode() {
      return get().hashCode();
    }
  }
}
