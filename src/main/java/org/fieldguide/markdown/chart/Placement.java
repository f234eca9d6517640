package org.fieldguide.markdown.chart;

import java.util.List;
import java.util.Map;

/**
 * Where the layout put everything, in absolute SVG coordinates: each box and group by id, and each
 * edge (in {@link ChartGraph} order) as a polyline with an optional label rectangle.
 */
record Placement(
    double width,
    double height,
    Map<String, Rect> boxes,
    Map<String, Rect> groups,
    List<Route> routes) {

  Placement {
    boxes = Map.copyOf(boxes);
    groups = Map.copyOf(groups);
    routes = List.copyOf(routes);
  }

  /** An axis-aligned rectangle. */
  record Rect(double x, double y, double width, double height) {
    double centerX() {
      return x + width / 2;
    }

    double centerY() {
      return y + height / 2;
    }
  }

  /** A point. */
  record Point(double x, double y) {}

  /** An edge's path from its source box's border to its target box's border; label may be null. */
  record Route(List<Point> points, Rect label) {
    Route {
      points = List.copyOf(points);
    }
  }
}
