package org.fieldguide.markdown.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Says in words what a diagram shows: its arrows, its groups, and any box with no arrow. */
final class DiagramText {
  private DiagramText() {}

  static String describe(Diagram diagram, boolean down) {
    Map<String, String> labels = new HashMap<>();
    diagram.nodes().forEach(n -> labels.put(n.id(), LabelMath.plain(n.label(), true)));
    StringBuilder text =
        new StringBuilder("Diagram, ")
            .append(down ? "top to bottom" : "left to right")
            .append(", with ")
            .append(diagram.nodes().size())
            .append(diagram.nodes().size() == 1 ? " box." : " boxes.");
    Set<String> connected = new HashSet<>();
    List<String> arrows = new ArrayList<>();
    for (DiagramEdge edge : diagram.edges()) {
      connected.add(edge.from());
      connected.add(edge.to());
      arrows.add(
          labels.get(edge.from())
              + " to "
              + labels.get(edge.to())
              + (edge.label() == null ? "" : " (" + LabelMath.plain(edge.label(), true) + ")"));
    }
    if (!arrows.isEmpty()) {
      text.append(" Arrows: ").append(String.join("; ", arrows)).append('.');
    }
    List<String> groups = new ArrayList<>();
    for (DiagramGroup group : diagram.groups()) {
      groups.add(
          LabelMath.plain(group.label(), true)
              + ": "
              + String.join(", ", group.nodes().stream().map(labels::get).toList()));
    }
    if (!groups.isEmpty()) {
      text.append(" Groups: ").append(String.join("; ", groups)).append('.');
    }
    List<String> alone =
        diagram.nodes().stream()
            .filter(n -> !connected.contains(n.id()))
            .map(n -> labels.get(n.id()))
            .toList();
    if (!alone.isEmpty()) {
      text.append(" Also: ").append(String.join("; ", alone)).append('.');
    }
    return text.toString();
  }
}
