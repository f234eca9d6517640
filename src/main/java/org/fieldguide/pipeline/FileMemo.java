package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.model.Site;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.xref.LinkGraph;
import org.fieldguide.xref.LinkReport;
import org.fieldguide.xref.Lookups;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * The {@link Memo} of one-off builds as {@link MemoFile} keeps it, joined again to the next build's
 * context: first what needs only the site ({@link #prepare}, on other threads while the context is
 * made), then the rest ({@link #join}). The file's values hold only in a context with the same
 * digest ({@link #key}) and while the output folder still holds what that build wrote ({@link
 * #holds}); a page whose git date changed is made again ({@link #datesChanged}).
 */
final class FileMemo {
  private FileMemo() {}

  /** A body's Markdown as this build read it, and its digest, equal to the memo file's. */
  record Digested(String markdown, Digest digest) {}

  /** What a memo file's values hold in: a context with this digest. */
  static Digest key(SiteContext context) {
    return context.digest;
  }

  /**
   * What joining {@code stored} needs of the site alone, made while the build makes its context:
   * each stored body's report and lookups with the site's pages in, the link graph of those reports
   * (the last build's), and the bodies whose Markdown is the same in the site, with that Markdown
   * and its digest.
   */
  record Prepared(
      Map<String, LinkReport> reports,
      Map<String, Lookups> lookups,
      LinkGraph graph,
      Map<String, Digested> unchanged) {}

  /** {@link Prepared} for {@code site}; empty if a page {@code stored} names is not in it. */
  static Optional<Prepared> prepare(MemoFile.Stored stored, Site site) {
    Map<String, Page> byId = new HashMap<>();
    site.pages().forEach(p -> byId.put(p.id(), p));
    Map<String, LinkReport> reports = new HashMap<>();
    Map<String, Lookups> lookups = new HashMap<>();
    for (MemoFile.StoredBody b : stored.bodies()) {
      Page page = byId.get(b.id());
      Optional<LinkReport> report = b.report().with(byId::get);
      Optional<Lookups> looked = b.lookups().with(byId::get);
      if (page == null || page.kind().isGenerated() || report.isEmpty() || looked.isEmpty()) {
        return Optional.empty();
      }
      reports.put(page.id(), report.get());
      lookups.put(page.id(), looked.get());
    }
    Map<String, Digested> same = new java.util.concurrent.ConcurrentHashMap<>();
    stored.bodies().parallelStream()
        .forEach(
            b -> {
              String markdown = site.bodies().get(b.id());
              if (markdown != null) {
                Digest digest = MemoFile.digestOf(markdown);
                if (digest.equals(b.markdown())) {
                  same.put(b.id(), new Digested(markdown, digest));
                }
              }
            });
    return Optional.of(new Prepared(reports, lookups, LinkGraph.of(site, reports.values()), same));
  }

  /**
   * The pages whose HTML shows a last-updated date that differs from when {@code stored} was made
   * (git decides most dates, not the context): those pages, and if there are any, the pages that
   * list other pages' dates. A build makes their bodies and pages again.
   */
  static java.util.Set<String> datesChanged(MemoFile.Stored stored, SiteContext context) {
    java.util.Set<String> changed = new java.util.HashSet<>();
    context
        .dates()
        .forEach(
            (id, date) -> {
              if (!date.equals(stored.dates().get(id))) {
                changed.add(id);
              }
            });
    if (!changed.isEmpty()) {
      for (Page page : context.site.pages()) {
        if (context.views.showsOtherPagesDates(page)) {
          changed.add(page.id());
        }
      }
    }
    return changed;
  }

  /**
   * The values of {@code stored}, made in a context with the digest of {@code context}, joined to
   * it, for the bodies whose Markdown is still what it was ({@code unchanged}; the link graph and
   * the checks of the others are taken too, to be made again from them): its pages for its ids,
   * each body's HTML made again when asked for, the search entries taken from the index in {@code
   * outDir}. Empty if a page it names is not in the context.
   */
  static Optional<Memo.Last> join(
      MemoFile.Stored stored,
      Prepared prepared,
      java.util.Set<String> unchanged,
      SiteContext context,
      Path outDir) {
    Map<String, Body> bodies = new HashMap<>();
    Map<String, String> markdown = new HashMap<>();
    Map<String, List<Diagnostic>> bodyProblems = new HashMap<>();
    Map<String, LinkReport> reports = prepared.reports();
    for (MemoFile.StoredBody b : stored.bodies()) {
      if (!unchanged.contains(b.id())) {
        continue; // edited since: made again, its report kept for the link graph and checks
      }
      Page page = context.byId.get(b.id());
      String text = context.site.bodies().get(b.id());
      bodies.put(
          page.id(),
          new Body(
              page,
              text,
              context.digest,
              context.namespace,
              reports.get(page.id()),
              Body.Rendering.later(context, page, text),
              prepared.lookups().get(page.id()),
              b.diagnostics()));
      markdown.put(page.id(), text);
      if (!b.diagnostics().isEmpty()) {
        bodyProblems.put(page.id(), b.diagnostics());
      }
    }
    Bodies lastBodies =
        new Bodies(
            HashTreePMap.from(bodies),
            Map.copyOf(markdown),
            HashTreePMap.from(bodyProblems),
            Changes.ALL,
            java.util.Collections.emptySortedSet());
    LinkGraph graph = prepared.graph();

    Map<String, PageStage.Made> made = new HashMap<>();
    Map<String, java.util.Set<String>> ids = new HashMap<>();
    Map<String, List<Diagnostic>> pageProblems = new HashMap<>();
    for (MemoFile.StoredPage p : stored.pages()) {
      Page page = context.byId.get(p.id());
      if (page == null) {
        return Optional.empty();
      }
      p.links().ifPresent(l -> ids.put(page.outputPath(), l.ids()));
      Body body = bodies.get(page.id());
      if (body == null) {
        continue; // its body was edited: the page is made again
      }
      made.put(
          page.id(),
          new PageStage.Made(
              new PageStage.Inputs(
                  context.digest, page, body.rendering(), graph.idsLinkingTo(page), null),
              context.templatesDigest,
              null,
              null,
              null,
              Optional.empty(),
              p.links(),
              p.diagnostics(),
              false));
      if (!p.diagnostics().isEmpty()) {
        pageProblems.put(page.id(), p.diagnostics());
      }
    }
    PageStage.Pages pages =
        new PageStage.Pages(
            HashTreePMap.from(made),
            TreePMap.empty(),
            TreePSet.from(ids.keySet()),
            HashTreePMap.from(ids),
            HashTreePMap.from(pageProblems),
            Changes.ALL,
            Changes.ALL,
            java.util.Collections.emptySortedSet());

    Map<String, SiteCheck.Answer<LinkReport>> fragments = new HashMap<>();
    for (MemoFile.StoredAnswer a : stored.fragments()) {
      LinkReport report = reports.get(a.key());
      if (report != null) {
        fragments.put(a.key(), new SiteCheck.Answer<>(report, a.dependsOn(), a.problems()));
      }
    }
    Map<String, SiteCheck.Answer<SiteLinkChecker.PageLinks>> links = new HashMap<>();
    for (MemoFile.StoredAnswer a : stored.links()) {
      Page page = context.byOutputPath.get(a.key());
      PageStage.Made m = page == null ? null : made.get(page.id());
      if (m != null && m.links().isPresent()) {
        links.put(a.key(), new SiteCheck.Answer<>(m.links().get(), a.dependsOn(), a.problems()));
      }
    }
    SiteCheck.Checked checked =
        new SiteCheck.Checked(
            SiteCheck.Answers.of(fragments),
            SiteCheck.Answers.of(links),
            pages.paths().plusAll(stored.others()),
            java.util.Set.copyOf(stored.others()),
            pages.ids());

    Optional<SearchStage.Parts> search = search(stored, context, bodies, outDir);
    if (search.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Memo.Last(context.digest, null, null, lastBodies, graph, pages, checked, search.get()));
  }

  /**
   * The search entries of the pages of {@code stored}, taken back from the index it wrote in {@code
   * outDir} (those of a page whose body was edited only in their place in the index, to be written
   * again); empty unless each page has its entries there.
   */
  private static Optional<SearchStage.Parts> search(
      MemoFile.Stored stored, SiteContext context, Map<String, Body> bodies, Path outDir) {
    int n = context.searchOrder.size();
    String[] ids = new String[n];
    int[] lengths = new int[n];
    int[] cuts = new int[n];
    for (Map.Entry<String, Integer> place : context.searchOrder.entrySet()) {
      MemoFile.SearchShape shape = stored.search().get(place.getKey());
      if (shape == null) {
        return Optional.empty();
      }
      ids[place.getValue()] = place.getKey();
      lengths[place.getValue()] = shape.length();
      cuts[place.getValue()] = shape.cut();
    }
    byte[] index;
    try {
      index = java.nio.file.Files.readAllBytes(outDir.resolve(SearchIndex.INDEX_PATH));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
    return SearchIndex.split(index, lengths, cuts)
        .map(
            parts -> {
              Map<String, SearchStage.Entries> entries = new HashMap<>();
              for (int i = 0; i < n; i++) {
                if (!bodies.containsKey(ids[i])) {
                  continue; // edited since: written again
                }
                entries.put(
                    ids[i],
                    new SearchStage.Entries(ids[i], bodies.get(ids[i]).rendering(), parts.get(i)));
              }
              return new SearchStage.Parts(
                  HashTreePMap.from(entries), parts.toArray(new byte[0][]));
            });
  }

  /**
   * Whether {@code outDir} is the folder the memo file's build wrote, and every file it lists there
   * has the size and time that build left it with.
   */
  static boolean holds(MemoFile.Stored stored, Path outDir) {
    Path out = outDir.toAbsolutePath().normalize();
    if (!out.toString().equals(stored.outDir()) || stored.output().isEmpty()) {
      return false;
    }
    return stored.output().entrySet().parallelStream()
        .allMatch(
            e -> MemoFile.FileStamp.of(out.resolve(e.getKey())).equals(Optional.of(e.getValue())));
  }
}
