package org.fieldguide.markdown.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;

/**
 * Reads the positions ELK computed back into a {@link Placement}. ELK gives a node's position
 * relative to its parent and an edge's points relative to the node that contains the edge (the
 * lowest common ancestor of its ends); this adds the offsets up to absolute coordinates.
 */
final class PlacementReader {
  private PlacementReader() {}

  static Placement read(ElkNode root, Map<String, ElkNode> nodes, Map<String, ElkNode> groups, List<ElkEdge> edges) {
    Map<String, Placement.Rect> boxes = new HashMap<>();
    nodes.forEach((id, node) -> boxes.put(id, rect(node)));
    Map<String, Placement.Rect> groupRects = new HashMap<>();
    groups.forEach((id, node) -> groupRects.put(id, rect(node)));
    List<Placement.Route> routes = new ArrayList<>();
    for (ElkEdge edge : edges) {
      routes.add(route(edge));
    }
    return new Placement(root.getWidth(), root.getHeight(), boxes, groupRects, routes);
  }

  private static Placement.Route route(ElkEdge edge) {
    ElkNode container = edge.getContainingNode();
    double dx = absoluteX(container);
    double dy = absoluteY(container);
    List<Placement.Point> points = new ArrayList<>();
    for (ElkEdgeSection section : edge.getSections()) {
      add(points, dx + section.getStartX(), dy + section.getStartY());
      for (ElkBendPoint bend : section.getBendPoints()) {
        add(points, dx + bend.getX(), dy + bend.getY());
      }
      add(points, dx + section.getEndX(), dy + section.getEndY());
    }
    Placement.Rect label = null;
    if (!edge.getLabels().isEmpty()) {
      ElkLabel l = edge.getLabels().get(0);
      label = new Placement.Rect(dx + l.getX(), dy + l.getY(), l.getWidth(), l.getHeight());
    }
    return new Placement.Route(points, label);
  }

  /** Adds a point unless it repeats the last one (where one section ends and the next starts). */
  private static void add(List<Placement.Point> points, double x, double y) {
    Placement.Point point = new Placement.Point(x, y);
    if (points.isEmpty() || !points.get(points.size() - 1).equals(point)) {
      points.add(point);
    }
  }

  private static Placement.Rect rect(ElkNode node) {
    return new Placement.Rect(absoluteX(node), absoluteY(node), node.getWidth(), node.getHeight());
  }

  private static double absoluteX(ElkNode node) {
    double x = 0;
    for (ElkNode n = node; n != null; n = n.getParent()) {
      x += n.getX();
    }
    return x;
  }

  private static double absoluteY(ElkNode node) {
    double y = 0;
    for (ElkNode n = node; n != null; n = n.getParent()) {
      y += n.getY();
    }
    return y;
  }
}
