package org.fieldguide.markdown.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.frontmatter.YamlMap;

/**
 * The checks that need the whole flowchart: a known start, answers that go to known nodes, every
 * node reachable from the start, and no loops (each loop is named node by node).
 */
final class FlowchartValidator {
  private final Flowchart chart;
  private final YamlMap root;
  private final Diagnostics diagnostics;
  private final Map<String, FlowNode> byId = new LinkedHashMap<>();

  private FlowchartValidator(Flowchart chart, YamlMap root, Diagnostics diagnostics) {
    this.chart = chart;
    this.root = root;
    this.diagnostics = diagnostics;
    chart.nodes().forEach(n -> byId.put(n.id(), n));
  }

  static void validate(Flowchart chart, YamlMap root, Diagnostics diagnostics) {
    new FlowchartValidator(chart, root, diagnostics).run();
  }

  private void run() {
    for (FlowNode node : chart.nodes()) {
      for (Answer answer : node.answers()) {
        if (!byId.containsKey(answer.to())) {
          report(answer, ChartMessages.unknownTarget(answer.label(), node.id(), answer.to(), byId.keySet()));
        }
      }
    }
    String start = chart.start();
    if (start != null && !byId.isEmpty() && !byId.containsKey(start)) {
      root.errorAt("start", ChartMessages.unknownStart(start, byId.keySet()));
    } else if (start != null && byId.containsKey(start)) {
      Set<String> reached = reachable(start);
      for (FlowNode node : chart.nodes()) {
        if (!reached.contains(node.id())) {
          diagnostics.error(root.path(), node.line(), node.column(), ChartMessages.unreachable(node.id(), start));
        }
      }
    }
    findLoops();
  }

  private Set<String> reachable(String start) {
    Set<String> seen = new HashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      for (Answer answer : byId.get(queue.removeFirst()).answers()) {
        if (byId.containsKey(answer.to()) && seen.add(answer.to())) {
          queue.addLast(answer.to());
        }
      }
    }
    return seen;
  }

  /** Depth-first from the start, then from every other node in file order; reports back edges. */
  private void findLoops() {
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: done
    List<String> order = new ArrayList<>();
    if (chart.start() != null && byId.containsKey(chart.start())) {
      order.add(chart.start());
    }
    order.addAll(byId.keySet());
    for (String id : order) {
      if (!state.containsKey(id)) {
        visit(id, state, new ArrayList<>());
      }
    }
  }

  private void visit(String id, Map<String, Integer> state, List<String> path) {
    state.put(id, 1);
    path.add(id);
    FlowNode node = byId.get(id);
    for (Answer answer : node.answers()) {
      Integer target = state.get(answer.to());
      if (!byId.containsKey(answer.to()) || Integer.valueOf(2).equals(target)) {
        continue;
      }
      if (target == null) {
        visit(answer.to(), state, path);
      } else {
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(answer.to()), path.size()));
        loop.add(answer.to());
        report(answer, ChartMessages.cycle(answer.label(), id, loop));
      }
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
  }

  private void report(Answer answer, String message) {
    diagnostics.error(root.path(), answer.line(), answer.column(), message);
  }
}
