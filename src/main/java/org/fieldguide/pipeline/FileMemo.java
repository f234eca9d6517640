package org.fieldguide.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.search.SearchIndex;
import org.fieldguide.xref.LinkGraph;
import org.fieldguide.xref.LinkReport;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * The {@link Memo} of one-off builds as {@link MemoFile} keeps it: what the file keeps of one
 * build's values ({@link #stored}), and those values joined again to the next build's context
 * ({@link #join}), which may use them only when its context has the same digest and dates ({@link
 * #key}) and the output folder still holds what that build wrote ({@link #holds}).
 */
final class FileMemo {
  private FileMemo() {}

  /** A body's Markdown as this build read it, and its digest, equal to the memo file's. */
  record Digested(String markdown, Digest digest) {}

  /** What the memo file keeps of {@code last}, made in the context it names. */
  static MemoFile.Stored stored(Memo.Last last, Path outDir, Map<String, Digested> digested) {
    List<MemoFile.StoredBody> bodies =
        last.bodies().byId().values().parallelStream()
            .map(
                b -> {
                  Digested known = digested.get(b.page().id());
                  return new MemoFile.StoredBody(
                      b.page().id(),
                      known != null && known.markdown().equals(b.markdown())
                          ? known.digest()
                          : MemoFile.digestOf(b.markdown()),
                      MemoFile.StoredReport.of(b.report()),
                      MemoFile.StoredLookups.of(b.lookups()),
                      b.diagnostics());
                })
            .toList();
    List<MemoFile.StoredPage> pages = new ArrayList<>();
    for (PageStage.Made m : last.pages().byId().values()) {
      if (!m.inputs().page().kind().isGenerated()) {
        pages.add(new MemoFile.StoredPage(m.inputs().page().id(), m.links(), m.diagnostics()));
      }
    }
    List<MemoFile.StoredAnswer> fragments = new ArrayList<>();
    last.checked()
        .fragments()
        .byKey()
        .forEach(
            (id, a) -> fragments.add(new MemoFile.StoredAnswer(id, a.dependsOn(), a.problems())));
    List<MemoFile.StoredAnswer> links = new ArrayList<>();
    last.checked()
        .links()
        .byKey()
        .forEach(
            (path, a) -> links.add(new MemoFile.StoredAnswer(path, a.dependsOn(), a.problems())));
    Map<String, MemoFile.SearchShape> search = new HashMap<>();
    last.search()
        .byId()
        .forEach(
            (id, e) ->
                search.put(
                    id,
                    new MemoFile.SearchShape(
                        e.bytes().length, org.fieldguide.search.SearchIndex.cut(e.bytes()))));
    Path out = outDir.toAbsolutePath().normalize();
    Map<String, MemoFile.FileStamp> output = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();
    last.checked().files().parallelStream()
        .forEach(
            path ->
                MemoFile.FileStamp.of(out.resolve(path))
                    .ifPresentOrElse(s -> output.put(path, s), () -> missing.add(path)));
    return new MemoFile.Stored(
        key(last.context()),
        out.toString(),
        bodies,
        pages,
        fragments,
        links,
        last.checked().others(),
        search,
        missing.isEmpty() ? output : Map.of());
  }

  /** What a memo file's values hold in: the context's digest and the pages' last-updated dates. */
  static Digest key(SiteContext context) {
    return Digest.of(context.digest, context.dates());
  }

  /**
   * The bodies of {@code stored} whose Markdown is the same in {@code context}'s site, with that
   * Markdown and its digest.
   */
  static Map<String, Digested> unchanged(MemoFile.Stored stored, SiteContext context) {
    Map<String, Digested> same = new java.util.concurrent.ConcurrentHashMap<>();
    stored.bodies().parallelStream()
        .forEach(
            b -> {
              String markdown = context.site.bodies().get(b.id());
              if (markdown != null) {
                Digest digest = MemoFile.digestOf(markdown);
                if (digest.equals(b.markdown())) {
                  same.put(b.id(), new Digested(markdown, digest));
                }
              }
            });
    return same;
  }

  /**
   * The values of {@code stored}, made in a context with the digest of {@code context}, joined to
   * it, for the bodies whose Markdown is still what it was ({@code unchanged}; the link graph and
   * the checks of the others are taken too, to be made again from them): its pages for its ids,
   * each body's HTML made again when asked for, the search entries taken from the index in {@code
   * outDir}. Empty if a page it names is not in the context.
   */
  static Optional<Memo.Last> join(
      MemoFile.Stored stored, java.util.Set<String> unchanged, SiteContext context, Path outDir) {
    Map<String, Body> bodies = new HashMap<>();
    Map<String, LinkReport> reports = new HashMap<>();
    Map<String, String> markdown = new HashMap<>();
    Map<String, List<Diagnostic>> bodyProblems = new HashMap<>();
    for (MemoFile.StoredBody b : stored.bodies()) {
      Page page = context.byId.get(b.id());
      Optional<LinkReport> report = b.report().with(context.byId::get);
      Optional<org.fieldguide.xref.Lookups> lookups = b.lookups().with(context.byId::get);
      if (page == null || page.kind().isGenerated() || report.isEmpty() || lookups.isEmpty()) {
        return Optional.empty();
      }
      reports.put(page.id(), report.get());
      if (!unchanged.contains(page.id())) {
        continue; // edited since: made again, its report kept for the link graph and checks
      }
      String text = context.site.bodies().get(page.id());
      bodies.put(
          page.id(),
          new Body(
              page,
              text,
              context.digest,
              context.namespace,
              report.get(),
              Body.Rendering.later(context, page, text),
              lookups.get(),
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
    LinkGraph graph = LinkGraph.of(context.site, reports.values());

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
