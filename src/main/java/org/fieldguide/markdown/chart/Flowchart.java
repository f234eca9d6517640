package org.fieldguide.markdown.chart;

import java.util.List;
import java.util.Optional;

/**
 * A checked decision flowchart: the id of its first question and its nodes in file order. Every
 * answer goes to one of the nodes, every node is reachable from {@code start}, and there are no
 * loops.
 */
public record Flowchart(String start, List<FlowNode> nodes) {

  public Flowchart {
    nodes = List.copyOf(nodes);
  }

  /** The node with this id, if there is one. */
  public Optional<FlowNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** How many nodes are questions. */
  public long questionCount() {
    return nodes.stream().filter(n -> !n.isOutcome()).count();
  }

  /** How many nodes are outcomes. */
  public long outcomeCount() {
    return nodes.stream().filter(FlowNode::isOutcome).count();
  }
}
