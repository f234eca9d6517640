package org.fieldguide.markdown.chart;

import java.util.Optional;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.YamlMap;

/**
 * Reads the YAML inside fenced {@code flowchart} and {@code diagram} blocks. Each method reports
 * every problem it finds to the given {@link Diagnostics}, at file positions (the block's first
 * content line is {@code firstLine}, 1-based), and returns a value only when there was none.
 */
public final class ChartReader {
  private ChartReader() {}

  /**
   * Reads a flowchart: checks its keys, its questions and outcomes, that answers go to known nodes,
   * that every node is reachable from {@code start}, and that there are no loops.
   *
   * @param path project-relative path of the Markdown file, for diagnostics
   * @param yaml the fenced block's content
   * @param firstLine the 1-based file line of the block's first content line
   * @return the chart, or empty if anything was reported
   */
  public static Optional<Flowchart> readFlowchart(String path, String yaml, int firstLine, Diagnostics d) {
    Diagnostics local = new Diagnostics();
    Optional<Flowchart> chart = YamlMap.parse(path, yaml, firstLine, local).map(root -> {
      Flowchart parsed = FlowchartParser.parse(root);
      FlowchartValidator.validate(parsed, root, local);
      return parsed;
    });
    return keepIfClean(chart, local, d);
  }

  /**
   * Reads a diagram: a title, a direction ({@code right} by default, or {@code down}), nodes, edges
   * and groups that name known nodes, and no node in two groups.
   *
   * @param path project-relative path of the Markdown file, for diagnostics
   * @param yaml the fenced block's content
   * @param firstLine the 1-based file line of the block's first content line
   * @return the diagram, or empty if anything was reported
   */
  public static Optional<Diagram> readDiagram(String path, String yaml, int firstLine, Diagnostics d) {
    Diagnostics local = new Diagnostics();
    Optional<Diagram> diagram = YamlMap.parse(path, yaml, firstLine, local).map(DiagramParser::parse);
    return keepIfClean(diagram, local, d);
  }

  private static <T> Optional<T> keepIfClean(Optional<T> value, Diagnostics local, Diagnostics d) {
    local.all().forEach(d::add);
    return local.hasErrors() ? Optional.empty() : value;
  }
}
