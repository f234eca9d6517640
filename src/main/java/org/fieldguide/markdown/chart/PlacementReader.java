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

  static Placement read(
      ElkNode root, Map<String, ElkNode> nodes, Map<String, ElkNode> groups, List<ElkEdge> edges) {
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
    if (points.size() < 2) { // ELK left this edge unrouted (seen in some diagrams with cycles)
      points = straight(edge);
    }
    Placement.Rect label = null;
    if (!edge.getLabels().isEmpty()) {
      ElkLabel l = edge.getLabels().get(0);
      label = new Placement.Rect(dx + l.getX(), dy + l.getY(), l.getWidth(), l.getHeight());
    }
    return new Placement.Route(points, label);
  }

  /**
   * A straight line from border to border of the edge's two boxes, along the line between their
   * centres; a loop on one box leaves and re-enters its right side.
   */
  private static List<Placement.Point> straight(ElkEdge edge) {
    Placement.Rect from = rect(node(edge.getSources().get(0)));
    Placement.Rect to = rect(node(edge.getTargets().get(0)));
    if (from.equals(to)) {
      double x = from.x() + from.width();
      double y = from.y() + from.height() / 2;
      return List.of(
          new Placement.Point(x, y - 6),
          new Placement.Point(x + 16, y - 6),
          new Placement.Point(x + 16, y + 6),
          new Placement.Point(x, y + 6));
    }
    return List.of(border(from, to), border(to, from));
  }

  /**
   * Where the line from the centre of {@code box} towards the centre of {@code other} leaves {@code
   * box}.
   */
  private static Placement.Point border(Placement.Rect box, Placement.Rect other) {
    double cx = box.x() + box.width() / 2;
    double cy = box.y() + box.height() / 2;
    double dx = other.x() + other.width() / 2 - cx;
    double dy = other.y() + other.height() / 2 - cy;
    if (dx == 0 && dy == 0) {
      return new Placement.Point(cx, cy);
    }
    double t =
        Math.min(
            dx == 0 ? Double.MAX_VALUE : box.width() / 2 / Math.abs(dx),
            dy == 0 ? Double.MAX_VALUE : box.height() / 2 / Math.abs(dy));
    return new Placement.Point(cx + dx * t, cy + dy * t);
  }

  private static ElkNode node(org.eclipse.elk.graph.ElkConnectableShape shape) {
    return shape instanceof ElkNode n ? n : (ElkNode) shape.eContainer();
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
