package org.fieldguide.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.xref.FragmentChecks;
import org.fieldguide.xref.LinkReport;

/**
 * The checked-site stage, run once every page is made: the fragments each Markdown page names on
 * other pages, at the position of the link, and every link of every made page (unless the build
 * already has errors, after which missing pages would only cause echoes). Both are functions of a
 * page's links and the {@link Memo.World} (the files the site has and each page's ids), so the
 * memo keeps each page's answers while the files they depend on stay as they were.
 */
final class SiteCheck {
  private SiteCheck() {}

  static void check(SiteContext context, Bodies bodies, PageStage.Pages pages, Set<String> files, Memo memo,
      Diagnostics diagnostics) {
    Map<String, Set<String>> ids = new HashMap<>();
    Map<String, String> sourceOf = new HashMap<>();
    pages.byId().values().forEach(made -> made.links().ifPresent(links -> {
      Page page = made.inputs().page();
      ids.put(page.outputPath(), links.ids());
      sourceOf.put(page.outputPath(), page.sourcePath() != null ? page.sourcePath() : "templates");
    }));
    Memo.World world = new Memo.World(files, ids);

    memo.fragments.begin(world);
    for (Body body : bodies.byId().values()) {
      LinkReport report = body.report();
      List<Diagnostic> problems = memo.fragments.get(report.pageId(), report,
          () -> FragmentChecks.check(report, context.byId, ids::get), answer -> targetsOf(report, context));
      problems.forEach(diagnostics::add);
    }
    if (diagnostics.hasErrors()) {
      return;
    }
    memo.links.begin(world);
    SortedMap<String, List<SiteLinkChecker.Problem>> problems = new TreeMap<>();
    pages.byId().values().parallelStream()
        .filter(made -> made.links().isPresent())
        .map(made -> {
          String file = made.inputs().page().outputPath();
          SiteLinkChecker.PageLinks links = made.links().get();
          return Map.entry(file, memo.links.get(file, links,
              () -> SiteLinkChecker.check(file, links, files, f -> SiteLinkChecker.ids(ids.get(f))), SiteLinkChecker.Checked::targets));
        })
        .toList()
        .forEach(checked -> problems.put(checked.getKey(), checked.getValue().problems()));
    SiteLinkChecker.report(problems, sourceOf::get, diagnostics);
  }

  /** The output files whose ids a page's fragments are checked against. */
  private static Set<String> targetsOf(LinkReport report, SiteContext context) {
    Set<String> targets = new TreeSet<>();
    for (LinkReport.PendingFragment f : report.fragments()) {
      Page target = context.byId.get(f.targetId());
      if (target != null) {
        targets.add(target.outputPath());
      }
    }
    return targets;
  }
}
