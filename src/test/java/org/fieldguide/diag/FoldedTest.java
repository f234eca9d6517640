package org.fieldguide.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a build's diagnostics are printed: one line per mistake. */
class FoldedTest {
  private static final DiagnosticFormatter PLAIN = new DiagnosticFormatter(false);

  private static Diagnostic error(String path, int line, String message) {
    return new Diagnostic(path, line, 1, Severity.ERROR, message);
  }

  private static List<String> printed(Diagnostic... ds) {
    Diagnostics all = new Diagnostics();
    for (Diagnostic d : ds) {
      all.add(d);
    }
    return PLAIN.formatAll(all.all());
  }

  @Test
  void followOnsAreCountedInTheirRootAlsoThroughOtherFollowOns() {
    Diagnostic root = error("b.md", 5, "unknown node 'x'");
    Diagnostic first = error("b.md", 7, "node 'y' cannot be reached").causedBy(root);
    Diagnostic second = error("b.md", 9, "node 'z' cannot be reached").causedBy(first);
    assertEquals(
        List.of(
            "a.md:1:1: error: other", "b.md:5:1: error: unknown node 'x' [+2 follow-on errors]"),
        printed(second, error("a.md", 1, "other"), first, root));
  }

  @Test
  void aFollowOnWhoseRootIsNotThereIsPrintedAsItIs() {
    Diagnostic root = error("b.md", 5, "unknown node 'x'");
    assertEquals(
        List.of("b.md:7:1: error: node 'y' cannot be reached"),
        printed(error("b.md", 7, "node 'y' cannot be reached").causedBy(root)));
  }

  @Test
  void theSameMessageAtManyPlacesIsOneLineNamingThreeAndCountingTheRest() {
    List<Diagnostic> ds = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      ds.add(error("p" + i + ".md", i, "link to 'rlhf.md', which is not a content file"));
    }
    assertEquals(
        List.of(
            "p1.md:1:1: error: link to 'rlhf.md', which is not a content file [also at p2.md:2:1, p3.md:3:1,"
                + " p4.md:4:1 and 2 more places]"),
        printed(ds.toArray(Diagnostic[]::new)));
    assertEquals(
        List.of(
            "p1.md:1:1: error: link to 'rlhf.md', which is not a content file [also at p2.md:2:1 and p3.md:3:1]"),
        printed(ds.subList(0, 3).toArray(Diagnostic[]::new)));
  }

  @Test
  void oneTagFailingForManyPagesIsOneLineWithTheFirstPageAndACount() {
    Diagnostic tag = error("templates/footer.mustache", 2, "no value 'x' in the view");
    assertEquals(
        List.of(
            "templates/footer.mustache:2:1: error: no value 'x' in the view [while rendering a.md and 2 other"
                + " pages]"),
        printed(
            tag.during("while rendering c.md"),
            tag.during("while rendering a.md"),
            tag.during("while rendering b.md")));
    assertEquals(
        List.of(
            "templates/footer.mustache:2:1: error: no value 'x' in the view [while rendering a.md]"),
        printed(tag.during("while rendering a.md")));
  }

  @Test
  void theSummaryCountsLinesAndSaysHowManyDiagnosticsTheyStandFor() {
    Diagnostic root = error("b.md", 5, "unknown node 'x'");
    List<Diagnostic> all =
        List.of(
            root,
            error("b.md", 7, "unreachable").causedBy(root),
            new Diagnostic("c.md", 1, 1, Severity.WARNING, "orphan"));
    assertEquals(
        "1 error(s), 1 warning(s) (3 diagnostics in all, folded)",
        Folded.counts(Folded.of(all), all.size()));
    assertEquals("0 error(s), 1 warning(s)", Folded.counts(Folded.of(all.subList(2, 3)), 1));
  }
}
