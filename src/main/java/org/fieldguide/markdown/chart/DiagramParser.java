package org.fieldguide.markdown.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.frontmatter.YamlMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads and checks the YAML of a {@code diagram} block: title, direction, nodes, edges, groups. */
final class DiagramParser {
  private static final String EDGE_EXAMPLE = "{from: a, to: b, label: \"…\"}";
  private static final String GROUP_EXAMPLE = "{label: \"…\", nodes: [a, b]}";

  private final YamlMap root;
  private final Map<String, DiagramNode> nodes = new LinkedHashMap<>();

  private DiagramParser(YamlMap root) {
    this.root = root;
  }

  /** The diagram as read; the caller drops it when anything was reported. */
  static Diagram parse(YamlMap root) {
    return new DiagramParser(root).read();
  }

  private Diagram read() {
    root.checkKeys(ChartMessages.DIAGRAM_KEYS, "the diagram");
    String title = root.string("title", false).filter(s -> !s.isEmpty()).orElse(null);
    boolean notText =
        root.has("title") && !(root.node("title").orElseThrow() instanceof ScalarNode);
    if (title == null && !notText) { // a value that is not text was reported by YamlMap
      root.errorAt("title", ChartMessages.noTitle());
    }
    String direction = root.string("direction", false).orElse("right");
    if (!direction.equals("right") && !direction.equals("down")) {
      root.errorAt("direction", ChartMessages.badDirection(direction));
    }
    readNodes();
    List<DiagramEdge> edges = readEdges();
    List<DiagramGroup> groups = readGroups();
    return new Diagram(title, direction, List.copyOf(nodes.values()), edges, groups);
  }

  private void readNodes() {
    Optional<Node> value = root.node("nodes");
    if (value.isEmpty() || !root.has("nodes")) {
      root.errorAt("nodes", ChartMessages.noDiagramNodes());
      return;
    }
    if (!(value.get() instanceof MappingNode mapping)) {
      root.error(value.get(), ChartMessages.nodesNotMapping("diagram"));
      return;
    }
    YamlMap nodeMap = root.child(mapping); // reports duplicate ids
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || nodes.containsKey(key.getValue())) {
        continue;
      }
      String id = key.getValue();
      Node body = tuple.getValueNode();
      String label = null;
      if (body instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
        label = scalar.getValue().strip();
      } else if (body instanceof MappingNode) {
        YamlMap node = nodeMap.child(body);
        node.checkKeys(ChartMessages.DIAGRAM_NODE_KEYS, "node '" + id + "'");
        label = node.string("label", false).filter(s -> !s.isEmpty()).orElse(null);
        if (label == null && !node.has("label")) {
          nodeMap.error(key, ChartMessages.diagramNodeNoLabel(id));
        }
      } else {
        nodeMap.error(key, ChartMessages.diagramNodeShape(id));
      }
      if (label != null && LabelMath.problem(label) != null) {
        nodeMap.error(key, ChartMessages.labelFormula(LabelMath.problem(label)));
      }
      // A node with a problem is kept under its id, so that edges to it are not reported too.
      nodes.put(
          id,
          new DiagramNode(
              id, label == null ? id : label, nodeMap.lineOf(key), nodeMap.columnOf(key)));
    }
  }

  private List<DiagramEdge> readEdges() {
    List<DiagramEdge> edges = new ArrayList<>();
    for (YamlMap item : items("edges", EDGE_EXAMPLE)) {
      item.checkKeys(ChartMessages.EDGE_KEYS, "an edge");
      String from = endpoint(item, "from");
      String to = endpoint(item, "to");
      if (from == null || to == null) {
        continue;
      }
      boolean known = true;
      for (String key : List.of("from", "to")) {
        String id = key.equals("from") ? from : to;
        if (!nodes.containsKey(id)) {
          item.errorAt(key, ChartMessages.edgeUnknown(from, to, id, nodes.keySet()));
          known = false;
        }
      }
      String label = item.string("label", false).filter(s -> !s.isEmpty()).orElse(null);
      if (label != null && LabelMath.problem(label) != null) {
        item.errorAt("label", ChartMessages.labelFormula(LabelMath.problem(label)));
      }
      if (known) {
        edges.add(new DiagramEdge(from, to, label, item.lineOf("from"), item.columnOf("from")));
      }
    }
    return edges;
  }

  private String endpoint(YamlMap item, String key) {
    if (!item.has(key)) {
      item.errorAt(key, ChartMessages.edgeMissing(key));
      return null;
    }
    return item.string(key, true).orElse(null);
  }

  private List<DiagramGroup> readGroups() {
    List<DiagramGroup> groups = new ArrayList<>();
    Map<String, String> groupOf = new HashMap<>();
    for (YamlMap item : items("groups", GROUP_EXAMPLE)) {
      item.checkKeys(ChartMessages.GROUP_KEYS, "a group");
      String label = item.string("label", false).filter(s -> !s.isEmpty()).orElse(null);
      if (label == null) {
        if (!item.has("label")) {
          item.errorAt("label", ChartMessages.groupNoLabel());
        }
        continue;
      }
      if (LabelMath.problem(label) != null) {
        item.errorAt("label", ChartMessages.labelFormula(LabelMath.problem(label)));
      }
      List<String> members = new ArrayList<>();
      for (ScalarNode ref : idList(item, label)) {
        String id = ref.getValue().strip();
        if (!nodes.containsKey(id)) {
          item.error(ref, ChartMessages.groupUnknown(label, id, nodes.keySet()));
        } else if (members.contains(id)) {
          continue;
        } else if (groupOf.containsKey(id)) {
          item.error(ref, ChartMessages.nodeInTwoGroups(id, groupOf.get(id), label));
        } else {
          groupOf.put(id, label);
          members.add(id);
        }
      }
      if (!members.isEmpty()) {
        groups.add(new DiagramGroup(label, members, item.lineOf("label"), item.columnOf("label")));
      }
    }
    return groups;
  }

  /** The node ids a group lists, each with its position; an empty or malformed list is reported. */
  private static List<ScalarNode> idList(YamlMap group, String label) {
    Node value = group.node("nodes").orElse(null);
    if (!group.has("nodes") || value instanceof SequenceNode empty && empty.getValue().isEmpty()) {
      group.errorAt("nodes", ChartMessages.groupEmpty(label));
      return List.of();
    }
    if (value instanceof ScalarNode single) {
      return List.of(single);
    }
    if (!(value instanceof SequenceNode list)) {
      group.error(value, ChartMessages.notList("nodes", "<node id>"));
      return List.of();
    }
    List<ScalarNode> ids = new ArrayList<>();
    for (Node item : list.getValue()) {
      if (item instanceof ScalarNode scalar) {
        ids.add(scalar);
      } else {
        group.error(item, ChartMessages.groupItemNotId(label));
      }
    }
    return ids;
  }

  /** The mapping items of a list-valued key, each wrapped; anything else is reported. */
  private List<YamlMap> items(String key, String example) {
    Optional<Node> value = root.node(key);
    if (value.isEmpty() || !root.has(key)) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode list)) {
      root.error(value.get(), ChartMessages.notList(key, example));
      return List.of();
    }
    List<YamlMap> out = new ArrayList<>();
    for (Node item : list.getValue()) {
      if (item instanceof MappingNode) {
        out.add(root.child(item));
      } else {
        root.error(item, ChartMessages.itemNotMapping(key, example));
      }
    }
    return out;
  }
}
