package org.fieldguide.markdown.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fieldguide.frontmatter.YamlMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the YAML of a {@code flowchart} block into nodes and checks each node on its own (its keys,
 * question or outcome, answers, link). Checks that need the whole graph are {@link
 * FlowchartValidator}'s.
 */
final class FlowchartParser {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private FlowchartParser() {}

  /** The chart as far as it could be read (start may be null); the caller drops it on errors. */
  static Flowchart parse(YamlMap root) {
    root.checkKeys(ChartMessages.FLOWCHART_KEYS, "the flowchart");
    String start = text(root, "start");
    if (!root.has("start")) {
      root.errorAt("start", ChartMessages.noStart());
    }
    Optional<Node> nodes = root.node("nodes");
    if (nodes.isEmpty()
        || !root.has("nodes")
        || nodes.get() instanceof MappingNode m && m.getValue().isEmpty()) {
      root.errorAt("nodes", ChartMessages.noNodes());
      return new Flowchart(start, List.of());
    }
    if (!(nodes.get() instanceof MappingNode mapping)) {
      root.error(nodes.get(), ChartMessages.nodesNotMapping("flowchart"));
      return new Flowchart(start, List.of());
    }
    YamlMap nodeMap = root.child(mapping); // reports duplicate ids
    List<FlowNode> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && seen.add(key.getValue())) {
        out.add(readNode(nodeMap, key, tuple.getValueNode()));
      }
    }
    return new Flowchart(start, out);
  }

  /**
   * One node. A node with problems is still returned, as far as it could be read, so that the graph
   * checks do not report its neighbours as well (the chart is dropped anyway).
   */
  private static FlowNode readNode(YamlMap nodeMap, ScalarNode key, Node value) {
    String id = key.getValue();
    int line = nodeMap.lineOf(key);
    int column = nodeMap.columnOf(key);
    if (!ID.matcher(id).matches()) {
      nodeMap.error(key, ChartMessages.badNodeId(id));
    }
    if (!(value instanceof MappingNode)) {
      nodeMap.error(key, ChartMessages.nodeNotMapping(id));
      return new FlowNode(id, null, null, null, null, List.of(), line, column, 0, 0);
    }
    YamlMap node = nodeMap.child(value);
    node.checkKeys(ChartMessages.NODE_KEYS, "node '" + id + "'");
    String ask = text(node, "ask");
    String outcome = text(node, "outcome");
    if (ask != null && outcome != null || ask == null && outcome == null) {
      String message =
          ask != null ? ChartMessages.askAndOutcome(id) : ChartMessages.neitherAskNorOutcome(id);
      nodeMap.error(key, message);
      return new FlowNode(id, ask, null, null, null, readAnswers(node, id), line, column, 0, 0);
    }
    String link = text(node, "link");
    String why = text(node, "why");
    if (outcome != null) {
      if (node.keys().contains("answers")) {
        node.errorAt("answers", ChartMessages.outcomeWithAnswers(id));
      }
      if (link == null) {
        nodeMap.error(key, ChartMessages.outcomeWithoutLink(id));
      }
      int linkLine = link == null ? 0 : node.lineOf("link");
      int linkColumn = link == null ? 0 : node.columnOf("link");
      return new FlowNode(
          id, null, outcome, link, why, List.of(), line, column, linkLine, linkColumn);
    }
    for (String outcomeKey : List.of("link", "why")) {
      if (node.keys().contains(outcomeKey)) {
        node.errorAt(outcomeKey, ChartMessages.questionWithOutcomeKey(id, outcomeKey));
      }
    }
    List<Answer> answers = readAnswers(node, id);
    int written = writtenAnswers(node);
    if (written < 2) {
      if (node.keys().contains("answers")) {
        node.errorAt("answers", ChartMessages.tooFewAnswers(id, written));
      } else {
        nodeMap.error(key, ChartMessages.tooFewAnswers(id, 0));
      }
    }
    return new FlowNode(id, ask, null, null, null, answers, line, column, 0, 0);
  }

  private static List<Answer> readAnswers(YamlMap node, String id) {
    Optional<Node> value = node.node("answers");
    if (value.isEmpty() || !node.has("answers")) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode list)) {
      node.error(value.get(), ChartMessages.answersNotList(id));
      return List.of();
    }
    List<Answer> answers = new ArrayList<>();
    for (Node item : list.getValue()) {
      if (!(item instanceof MappingNode)) {
        node.error(item, ChartMessages.answerNotMapping(id));
        continue;
      }
      YamlMap answer = node.child(item);
      answer.checkKeys(ChartMessages.ANSWER_KEYS, "an answer of node '" + id + "'");
      Optional<String> label = requiredText(answer, "label", id);
      Optional<String> to = requiredText(answer, "to", id);
      if (label.isPresent() && to.isPresent()) {
        answers.add(new Answer(label.get(), to.get(), answer.lineOf("to"), answer.columnOf("to")));
      }
    }
    return answers;
  }

  /** How many answers the block lists (a value that is not a list is reported elsewhere). */
  private static int writtenAnswers(YamlMap node) {
    if (!node.has("answers")) {
      return 0;
    }
    return node.node("answers").get() instanceof SequenceNode list ? list.getValue().size() : 2;
  }

  /** A text value, or null when it is absent, empty or not text (the last is reported). */
  private static String text(YamlMap map, String key) {
    return map.string(key, false).filter(s -> !s.isEmpty()).orElse(null);
  }

  private static Optional<String> requiredText(YamlMap map, String key, String id) {
    if (!map.has(key)) {
      map.errorAt(key, ChartMessages.answerMissing(id, key));
      return Optional.empty();
    }
    return map.string(key, true);
  }
}
