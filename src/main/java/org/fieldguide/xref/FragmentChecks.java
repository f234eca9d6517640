package org.fieldguide.xref;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Severity;
import org.fieldguide.model.Page;

/**
 * Checks the fragments that Markdown links name on other pages ({@code [x](other.md#part)}, an
 * outcome of a flowchart) against the ids those pages have once made, at the position of the link.
 * A page's answer depends only on its fragments and the ids of the pages they point to.
 */
public final class FragmentChecks {
  private FragmentChecks() {}

  /**
   * What is wrong with the fragments of {@code report}: each one naming an id that its target page,
   * as made ({@code idsOf} gives a page's ids by its output path, or null if it was not made),
   * lacks. A page that was not made (a template failed for it) is skipped.
   */
  public static List<Diagnostic> check(
      LinkReport report, Map<String, Page> byId, Function<String, Set<String>> idsOf) {
    List<Diagnostic> problems = new ArrayList<>();
    for (LinkReport.PendingFragment f : report.fragments()) {
      Page target = byId.get(f.targetId());
      if (target == null) {
        continue;
      }
      Set<String> ids = idsOf.apply(target.outputPath());
      if (ids == null) {
        continue; // the page failed to render, which is reported: its ids are not known, not
        // missing
      }
      if (!ids.contains(f.fragment())) {
        problems.add(
            new Diagnostic(
                f.path(),
                f.line(),
                f.column(),
                Severity.ERROR,
                "unknown fragment '#"
                    + f.fragment()
                    + "' on "
                    + (target.sourcePath() != null ? target.sourcePath() : "/" + target.url())
                    + "; link to one of its headings (ids are the heading text in lower case with '-' for spaces)"));
      }
    }
    return problems.isEmpty() ? List.of() : List.copyOf(problems);
  }
}
