package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.markdown.chart.ChartReader;
import org.fieldguide.markdown.chart.ChartRenderer;

/**
 * Fuzzes the YAML inside {@code flowchart} and {@code diagram} blocks: each input is read (and,
 * when it is a valid chart, laid out and drawn), or reported at positions inside the block, within
 * five seconds; the drawing holds no script.
 */
class ChartReaderFuzzTest {
  private static final String PATH = "content/flowcharts/fuzzed.md";
  private static final int FIRST_LINE = 10;

  static { // lay out one chart first, so that loading ELK does not count against the first input's
    // time
    ChartReader.readDiagram(
            PATH,
            "title: T\nnodes: {a: A, b: B}\nedges: [{from: a, to: b}]\n",
            1,
            new Diagnostics())
        .ifPresent(d -> ChartRenderer.diagramHtml(d, "dg1"));
  }

  @FuzzTest(maxDuration = "60s")
  void flowchart(byte[] input) {
    String yaml = FrontMatterFuzzTest.normalized(Hostile.utf8(input));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          Diagnostics diagnostics = new Diagnostics();
          ChartReader.readFlowchart(PATH, yaml, FIRST_LINE, diagnostics)
              .ifPresent(
                  chart -> {
                    assertFalse(
                        diagnostics.hasErrors(),
                        "a chart came back with errors: " + diagnostics.all());
                    String html =
                        ChartRenderer.flowchartHtml(
                            PATH,
                            chart,
                            "Title <script>",
                            link -> Optional.of("../x/"),
                            "fc1",
                            diagnostics);
                    MarkdownLinkFuzzTest.assertNoScript(html);
                  });
          assertInsideBlock(diagnostics, yaml);
        });
  }

  @FuzzTest(maxDuration = "60s")
  void diagram(byte[] input) {
    String yaml = FrontMatterFuzzTest.normalized(Hostile.utf8(input));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          Diagnostics diagnostics = new Diagnostics();
          ChartReader.readDiagram(PATH, yaml, FIRST_LINE, diagnostics)
              .ifPresent(
                  diagram -> {
                    assertFalse(
                        diagnostics.hasErrors(),
                        "a diagram came back with errors: " + diagnostics.all());
                    MarkdownLinkFuzzTest.assertNoScript(ChartRenderer.diagramHtml(diagram, "dg1"));
                  });
          assertInsideBlock(diagnostics, yaml);
        });
  }

  private static void assertInsideBlock(Diagnostics diagnostics, String yaml) {
    long lines = yaml.chars().filter(c -> c == '\n').count() + 1;
    for (Diagnostic d : diagnostics.all()) {
      assertEquals(PATH, d.path(), d.toString());
      assertTrue(
          d.line() >= FIRST_LINE && d.line() <= FIRST_LINE + lines, "line outside the block: " + d);
      assertTrue(d.column() >= 1, "no column: " + d);
    }
  }
}
