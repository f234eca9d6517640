package org.fieldguide.markdown.chart;

import java.util.List;

/**
 * A checked diagram: a title (the figure's accessible name), a direction ({@code right} or {@code
 * down}), its nodes in file order, labelled edges between them, and groups that box some nodes
 * together. Every edge and group names known nodes, and no node is in two groups.
 */
public record Diagram(
    String title,
    String direction,
    List<DiagramNode> nodes,
    List<DiagramEdge> edges,
    List<DiagramGroup> groups) {

  public Diagram {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    groups = List.copyOf(groups);
  }
}
