package org.fieldguide.markdown.chart;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.YamlMap;
import org.fieldguide.source.Limits;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the YAML inside fenced {@code flowchart} and {@code diagram} blocks. Each method reports
 * every problem it finds to the given {@link Diagnostics}, at file positions (the block's first
 * content line is {@code firstLine}, 1-based), and returns a value only when there was none.
 */
public final class ChartReader {
  private ChartReader() {}

  /**
   * The first word of a fenced block's info string ({@code null} when it has none): {@code
   * flowchart}, {@code diagram}, {@code table}, a language or empty.
   */
  public static String blockKind(String info) {
    return (info == null ? "" : info.strip()).split("\\s+")[0];
  }

  /**
   * Reads a flowchart: checks its keys, its questions and outcomes, that answers go to known nodes,
   * that every node is reachable from {@code start}, and that there are no loops. Outcome links are
   * not checked; see the overload that takes a resolver.
   *
   * @param path project-relative path of the Markdown file, for diagnostics
   * @param yaml the fenced block's content
   * @param firstLine the 1-based file line of the block's first content line
   * @return the chart, or empty if anything was reported
   */
  public static Optional<Flowchart> readFlowchart(
      String path, String yaml, int firstLine, Diagnostics d) {
    return readFlowchart(path, yaml, firstLine, link -> Optional.of(link), d);
  }

  /**
   * Reads a flowchart as {@link #readFlowchart(String, String, int, Diagnostics)} does, and also
   * checks that every outcome's {@code link} is a page; a link that is not is reported at the link,
   * together with the chart's other problems.
   *
   * @param linkResolver maps an outcome's {@code link} as written to an href, or empty when it is
   *     not a page
   */
  public static Optional<Flowchart> readFlowchart(
      String path,
      String yaml,
      int firstLine,
      Function<String, Optional<String>> linkResolver,
      Diagnostics d) {
    return readFlowchart(path, yaml, firstLine, linkResolver, link -> Optional.empty(), d);
  }

  /**
   * The same, and a link that is not a page but a draft left out of the build ({@code draftOf}
   * gives its source file) says so, and how to include it.
   */
  public static Optional<Flowchart> readFlowchart(
      String path,
      String yaml,
      int firstLine,
      Function<String, Optional<String>> linkResolver,
      Function<String, Optional<String>> draftOf,
      Diagnostics d) {
    Diagnostics local = new Diagnostics();
    Optional<Flowchart> chart =
        YamlMap.parse(path, yaml, firstLine, local)
            .filter(root -> withinLimits(root, "flowchart"))
            .map(
                root -> {
                  Flowchart parsed = FlowchartParser.parse(root);
                  FlowchartValidator.validate(parsed, root, local);
                  for (FlowNode node : linkedOutcomes(parsed)) {
                    if (linkResolver.apply(node.link()).isEmpty()) {
                      local.error(
                          path,
                          node.linkLine(),
                          node.linkColumn(),
                          draftOf
                              .apply(node.link())
                              .map(
                                  draft -> ChartMessages.linkToDraft(node.id(), node.link(), draft))
                              .orElseGet(() -> ChartMessages.linkNotPage(node.id(), node.link())));
                    }
                  }
                  return parsed;
                });
    return keepIfClean(chart, local, d);
  }

  /**
   * The outcomes of a flowchart block that have a {@code link}, as far as the block can be read,
   * even when it has problems. Reports nothing: this is for collecting the links to check before
   * the chart is drawn, and {@link #readFlowchart} reports the block's problems.
   */
  public static List<FlowNode> outcomeLinks(String path, String yaml, int firstLine) {
    Diagnostics reportedByReadFlowchart = new Diagnostics();
    return YamlMap.parse(path, yaml, firstLine, reportedByReadFlowchart)
        .filter(root -> withinLimits(root, "flowchart"))
        .map(root -> linkedOutcomes(FlowchartParser.parse(root)))
        .orElse(List.of());
  }

  private static List<FlowNode> linkedOutcomes(Flowchart chart) {
    return chart.nodes().stream().filter(n -> n.isOutcome() && n.link() != null).toList();
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
  public static Optional<Diagram> readDiagram(
      String path, String yaml, int firstLine, Diagnostics d) {
    Diagnostics local = new Diagnostics();
    Optional<Diagram> diagram =
        YamlMap.parse(path, yaml, firstLine, local)
            .filter(root -> withinLimits(root, "diagram"))
            .map(DiagramParser::parse);
    return keepIfClean(diagram, local, d);
  }

  /**
   * Whether the chart is small enough to lay out in reasonable time ({@link Limits#MAX_CHART_NODES}
   * nodes, {@link Limits#MAX_CHART_EDGES} arrows); reports it at its {@code nodes} or {@code edges}
   * if not.
   */
  private static boolean withinLimits(YamlMap root, String what) {
    if (!(root.node("nodes").orElse(null) instanceof MappingNode nodes)) {
      return true; // reported by the parser
    }
    if (nodes.getValue().size() > Limits.MAX_CHART_NODES) {
      root.error(nodes, Limits.tooManyChartNodes(what, nodes.getValue().size()));
      return false;
    }
    int arrows = 0;
    Node arrowsAt = nodes;
    if (root.node("edges").orElse(null) instanceof SequenceNode edges) {
      arrows = edges.getValue().size();
      arrowsAt = edges;
    }
    for (NodeTuple node : nodes.getValue()) {
      if (node.getValueNode() instanceof MappingNode fields) {
        for (NodeTuple field : fields.getValue()) {
          if (field.getKeyNode() instanceof ScalarNode key
              && key.getValue().equals("answers")
              && field.getValueNode() instanceof SequenceNode answers) {
            arrows += answers.getValue().size();
          }
        }
      }
    }
    if (arrows > Limits.MAX_CHART_EDGES) {
      root.error(arrowsAt, Limits.tooManyChartEdges(what, arrows));
      return false;
    }
    return true;
  }

  private static <T> Optional<T> keepIfClean(Optional<T> value, Diagnostics local, Diagnostics d) {
    local.all().forEach(d::add);
    return local.hasErrors() ? Optional.empty() : value;
  }
}
