package org.fieldguide.markdown.chart;

import java.util.List;

/**
 * A labelled box around some nodes of a diagram, given by id; {@code line}/{@code column} locate
 * the group's {@code label} value in the file.
 */
public record DiagramGroup(String label, List<String> nodes, int line, int column) {

  public DiagramGroup {
    nodes = List.copyOf(nodes);
  }
}
