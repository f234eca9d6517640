package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.diag.Severity;
import org.fieldguide.html.SiteLinkChecker;
import org.fieldguide.model.Page;
import org.fieldguide.xref.LinkReport;

/**
 * Checks the fragments that Markdown links name on other pages ({@code [x](other.md#part)}, an
 * outcome of a flowchart) against the ids those pages have once made, at the position of the link.
 * Kept from build to build ({@code serve}): a page's fragments are checked again only when its
 * links changed or a page they point to got other ids.
 */
public final class FragmentChecks {
  private final Map<String, LinkReport> checked = new HashMap<>();
  /** The problems of the pages that have any. */
  private final Map<String, List<Diagnostic>> found = new TreeMap<>();
  /** Target page id → the pages whose fragments point to it. */
  private final Map<String, Set<String>> pointingTo = new HashMap<>();

  public void clear() {
    checked.clear();
    found.clear();
    pointingTo.clear();
  }

  /**
   * Checks {@code reports} and adds what is wrong with every page's fragments to {@code diagnostics}.
   * {@code idsChanged} names the pages made with other ids since the last check, and then
   * {@code reports} need hold only the reports that changed; or it is null, and then every page
   * is checked again and {@code reports} must be every Markdown page's.
   */
  public void check(Map<String, Page> byId, List<LinkReport> reports, Set<String> idsChanged, SiteLinkChecker checker,
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
          problems.add(new Diagnostic(f.path(), f.line(), f.column(), Severity.ERROR,
              "unknown fragment '#" + f.fragment() + "' on "
              + (target.sourcePath() != null ? target.sourcePath() : "/" + target.url())
              + "; link to one of its headings (ids are the heading text in lower case with '-' for spaces)"));
        }
      }
      if (problems.isEmpty()) {
        found.remove(pageId);
      } else {
        found.put(pageId, problems);
      }
    }
    found.values().forEach(list -> list.forEach(diagnostics::add));
  }
}
