package org.fieldguide.markdown.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldguide.diag.Diagnostic;
import org.fieldguide.diag.Diagnostics;
import org.fieldguide.diag.Severity;
import org.fieldguide.frontmatter.Suggest;
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
    Map<Answer, Diagnostic> dangling = new LinkedHashMap<>();
    for (FlowNode node : chart.nodes()) {
      for (Answer answer : node.answers()) {
        if (!byId.containsKey(answer.to())) {
          Diagnostic d =
              at(
                  answer,
                  ChartMessages.unknownTarget(
                      answer.label(), node.id(), answer.to(), byId.keySet()));
          diagnostics.add(d);
          dangling.put(answer, d);
        }
      }
    }
    String start = chart.start();
    if (start != null && !byId.isEmpty() && !byId.containsKey(start)) {
      root.errorAt("start", ChartMessages.unknownStart(start, byId.keySet()));
    } else if (start != null && byId.containsKey(start)) {
      Map<String, Optional<Diagnostic>> reached = reachable(start, dangling);
      for (FlowNode node : chart.nodes()) {
        Optional<Diagnostic> via = reached.get(node.id());
        if (via == null || via.isPresent()) {
          Diagnostic d =
              new Diagnostic(
                  root.path(),
                  node.line(),
                  node.column(),
                  Severity.ERROR,
                  ChartMessages.unreachable(node.id(), start));
          diagnostics.add(via == null ? d : d.causedBy(via.get()));
        }
      }
    }
    findLoops();
  }

  /**
   * Every node the start reaches, mapped to nothing; then every node that would be reached if each
   * answer going to an unknown node went to the closest known one (or, when no id is close,
   * anywhere), mapped to that answer's diagnostic: once it is fixed, such a node may well be
   * reachable, so that it is not is a follow-on of the unknown node, not a mistake of its own.
   */
  private Map<String, Optional<Diagnostic>> reachable(
      String start, Map<Answer, Diagnostic> dangling) {
    Map<String, Optional<Diagnostic>> seen = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    reach(start, Optional.empty(), seen, queue);
    Optional<Diagnostic> anywhere = Optional.empty();
    while (!queue.isEmpty()) {
      String id = queue.removeFirst();
      Optional<Diagnostic> via = seen.get(id);
      for (Answer answer : byId.get(id).answers()) {
        Diagnostic broken = dangling.get(answer);
        if (broken == null) {
          reach(answer.to(), via, seen, queue);
          continue;
        }
        Optional<Diagnostic> cause = via.or(() -> Optional.of(broken));
        Optional<String> meant = Suggest.closest(answer.to(), byId.keySet());
        if (meant.isPresent()) {
          reach(meant.get(), cause, seen, queue);
        } else if (anywhere.isEmpty()) {
          anywhere = cause;
        }
      }
      if (queue.isEmpty()
          && anywhere.isPresent()) { // no id is close: any node left may be the one meant
        for (String other : byId.keySet()) {
          reach(other, anywhere, seen, queue);
        }
        anywhere = Optional.empty();
      }
    }
    return seen;
  }

  /**
   * Marks {@code id} reached {@code via} (nothing, or an unknown node's diagnostic), unless it was
   * already.
   */
  private static void reach(
      String id,
      Optional<Diagnostic> via,
      Map<String, Optional<Diagnostic>> seen,
      Deque<String> queue) {
    if (seen.putIfAbsent(id, via) == null) {
      queue.addLast(id);
    }
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
    diagnostics.add(at(answer, message));
  }

  private Diagnostic at(Answer answer, String message) {
    return new Diagnostic(root.path(), answer.line(), answer.column(), Severity.ERROR, message);
  }
}
