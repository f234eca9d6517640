package org.fieldguide.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.xref.LinkReport;

/**
 * Checks the fragments that Markdown links name on other pages ({@code [x](other.md#part)}, an
 * outcome of a flowchart) against the ids those pages have once made, at the position of the link.
 * Kept from build to build ({@code serve}): a page's fragments are checked again only when its
 * links changed or a page they point to got other ids.
 */
final class FragmentChecks {
  private final Map<String, LinkReport> checked = new HashMap<>();
  private final Map<String, List<Diagnostic>> found = new HashMap<>();
  /** Target page id → the pages whose fragments point to it. */
  private final Map<String, Set<String>> pointingTo = new HashMap<>();

  void clear() {
    checked.clear();
    found.clear();
    pointingTo.clear();
  }

  /**
   * Checks {@code reports} (every Markdown page's, in page order) and adds what is wrong to
   * {@code diagnostics}; {@code idsChanged} names the pages made with other ids since the last
   * check, or is null if every page must be checked again.
   */
  void check(Map<String, Page> byId, List<LinkReport> reports, Set<String> idsChanged, SiteLinkChecker checker,
      Diagnostics diagnostics) {
    if (idsChanged == null) {
      clear();
    }
    Set<String> again = new HashSet<>();
    for (LinkReport report : reports) {
      LinkReport old = checked.get(report.pageId());
      if (old != report) {
        if (old != null) {
          old.fragments().forEach(f -> pointingTo.getOrDefault(f.targetId(), new HashSet<>()).remove(report.pageId()));
        }
        report.fragments().forEach(f -> pointingTo.computeIfAbsent(f.targetId(), k -> new HashSet<>()).add(report.pageId()));
        checked.put(report.pageId(), report);
        again.add(report.pageId());
      }
    }
    if (idsChanged != null) {
      idsChanged.forEach(id -> again.addAll(pointingTo.getOrDefault(id, Set.of())));
    }
    for (String pageId : again) {
      LinkReport report = checked.get(pageId);
      List<Diagnostic> problems = new ArrayList<>();
      for (LinkReport.PendingFragment f : report.fragments()) {
        Page target = byId.get(f.targetId());
        if (target != null && !checker.hasId(target.outputPath(), f.fragment())) {
          problems.add(new Diagnostic(f.path(), f.line(), f.column(), org.fieldguide.diag.Severity.ERROR,
              "unknown fragment '#" + f.fragment() + "' on "
              + (target.sourcePath() != null ? target.sourcePath() : "/" + target.url())
              + "; link to one of its headings (ids are the heading text in lower case with '-' for spaces)"));
        }
      }
      found.put(pageId, problems);
    }
    for (LinkReport report : reports) {
      found.get(report.pageId()).forEach(diagnostics::add);
    }
  }
}
