package org.fieldguide.markdown.chart;

import java.util.List;

/**
 * Draws a laid-out {@link ChartGraph} as inline SVG: groups, boxes, edges with arrowheads, then
 * edge labels on a background. Colours come only from CSS classes (see {@code chart.css}).
 *
 * <p>The drawing is an {@code <svg role="img">} named by its {@code <title>} and {@code <desc>}.
 * ARIA makes the children of an image presentational, so links may not sit inside it; when boxes
 * link to pages, the image is wrapped in an outer {@code <svg role="none">} that also holds one
 * transparent link area over each linked box, named by {@code aria-label}: assistive technology
 * then meets the named image and the links beside it, as axe-core's nested-interactive rule asks.
 */
final class SvgWriter {
  private static final double EDGE_CORNER = 6;

  private final ChartGraph graph;
  private final Placement placement;
  private final String prefix;
  private final StringBuilder out = new StringBuilder(8192);

  private SvgWriter(ChartGraph graph, Placement placement, String prefix) {
    this.graph = graph;
    this.placement = placement;
    this.prefix = prefix;
  }

  /** The SVG element(s) for the chart, without the surrounding {@code <figure>}. */
  static String write(
      ChartGraph graph, Placement placement, String title, String desc, String prefix) {
    return new SvgWriter(graph, placement, prefix).svg(title, desc);
  }

  private String svg(String title, String desc) {
    boolean linked = graph.boxes().stream().anyMatch(b -> b.href() != null);
    String size =
        "width=\""
            + Markup.num(placement.width())
            + "\" height=\""
            + Markup.num(placement.height())
            + "\" viewBox=\"0 0 "
            + Markup.num(placement.width())
            + " "
            + Markup.num(placement.height())
            + "\"";
    String ns = "xmlns=\"http://www.w3.org/2000/svg\"";
    if (linked) {
      out.append("<svg class=\"chart-svg\" ")
          .append(ns)
          .append(" role=\"none\" ")
          .append(size)
          .append(">\n");
      out.append("<svg role=\"img\" ");
    } else {
      out.append("<svg class=\"chart-svg\" ").append(ns).append(" role=\"img\" ");
    }
    out.append("aria-labelledby=\"")
        .append(prefix)
        .append("--title ")
        .append(prefix)
        .append("--desc\" ")
        .append(size)
        .append(">\n");
    out.append("<title id=\"")
        .append(prefix)
        .append("--title\">")
        .append(Markup.escape(title))
        .append("</title>\n");
    out.append("<desc id=\"")
        .append(prefix)
        .append("--desc\">")
        .append(Markup.escape(desc))
        .append("</desc>\n");
    out.append("<defs><marker id=\"")
        .append(prefix)
        .append("--arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(
            " markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
        .append("<path class=\"chart-arrowhead\" d=\"M0 0L10 5L0 10z\"/></marker></defs>\n");
    groups();
    boxes();
    edges();
    edgeLabels();
    out.append("</svg>\n");
    if (linked) {
      links();
      out.append("</svg>\n");
    }
    return out.toString();
  }

  private void groups() {
    if (graph.groups().isEmpty()) {
      return;
    }
    out.append("<g class=\"chart-groups\">\n");
    for (ChartGraph.Group group : graph.groups()) {
      Placement.Rect r = placement.groups().get(group.id());
      out.append("<g>");
      rect("chart-group", r, 10);
      text(
          "chart-group-label",
          group.label(),
          r.x() + 12,
          r.y() + 12 + TextWrap.LABEL_LINE / 2,
          TextWrap.LABEL_FONT,
          TextWrap.LABEL_LINE,
          "start");
      out.append("</g>\n");
    }
    out.append("</g>\n");
  }

  private void boxes() {
    out.append("<g class=\"chart-nodes\">\n");
    for (ChartGraph.Box box : graph.boxes()) {
      Placement.Rect r = placement.boxes().get(box.id());
      out.append("<g>");
      rect(box.kind(), r, box.radius());
      double firstCenter = r.centerY() - (box.lines().size() - 1) * TextWrap.BOX_LINE / 2;
      text(
          "chart-text",
          box.lines(),
          r.centerX(),
          firstCenter,
          TextWrap.BOX_FONT,
          TextWrap.BOX_LINE,
          "middle");
      out.append("</g>\n");
    }
    out.append("</g>\n");
  }

  private void edges() {
    out.append("<g class=\"chart-edges\">\n");
    for (Placement.Route route : placement.routes()) {
      out.append("<path class=\"chart-edge\" d=\"")
          .append(path(route.points()))
          .append("\" marker-end=\"url(#")
          .append(prefix)
          .append("--arrow)\"/>\n");
    }
    out.append("</g>\n");
  }

  private void edgeLabels() {
    if (graph.edges().stream().allMatch(e -> e.label().isEmpty())) {
      return;
    }
    out.append("<g class=\"chart-edge-labels\">\n");
    for (int i = 0; i < graph.edges().size(); i++) {
      ChartGraph.Edge edge = graph.edges().get(i);
      Placement.Rect r = placement.routes().get(i).label();
      if (edge.label().isEmpty() || r == null) {
        continue;
      }
      out.append("<g>");
      rect("chart-edge-label-bg", r, 3);
      double firstCenter = r.centerY() - (edge.label().size() - 1) * TextWrap.LABEL_LINE / 2;
      text(
          "chart-edge-label",
          edge.label(),
          r.centerX(),
          firstCenter,
          TextWrap.LABEL_FONT,
          TextWrap.LABEL_LINE,
          "middle");
      out.append("</g>\n");
    }
    out.append("</g>\n");
  }

  private void links() {
    out.append("<g class=\"fc-links\">\n");
    for (ChartGraph.Box box : graph.boxes()) {
      if (box.href() == null) {
        continue;
      }
      out.append("<a class=\"fc-link\" href=\"")
          .append(Markup.escape(box.href()))
          .append("\" aria-label=\"")
          .append(Markup.escape("Read: " + LabelMath.plain(String.join(" ", box.lines()), true)))
          .append("\">");
      Placement.Rect r = placement.boxes().get(box.id());
      out.append("<rect class=\"fc-hit\" x=\"")
          .append(Markup.num(r.x()))
          .append("\" y=\"")
          .append(Markup.num(r.y()))
          .append("\" width=\"")
          .append(Markup.num(r.width()))
          .append("\" height=\"")
          .append(Markup.num(r.height()))
          .append("\" rx=\"")
          .append(Markup.num(box.radius()))
          .append("\" fill-opacity=\"0\"/></a>\n");
    }
    out.append("</g>\n");
  }

  private void rect(String cssClass, Placement.Rect r, double radius) {
    out.append("<rect class=\"")
        .append(cssClass)
        .append("\" x=\"")
        .append(Markup.num(r.x()))
        .append("\" y=\"")
        .append(Markup.num(r.y()))
        .append("\" width=\"")
        .append(Markup.num(r.width()))
        .append("\" height=\"")
        .append(Markup.num(r.height()))
        .append("\" rx=\"")
        .append(Markup.num(radius))
        .append("\"/>");
  }

  /**
   * Lines of text, one {@code <tspan>} each, formulas drawn by {@link LabelMath}; {@code
   * firstCenter} is the middle of the first line.
   */
  private void text(
      String cssClass,
      List<String> lines,
      double x,
      double firstCenter,
      double font,
      double lineHeight,
      String anchor) {
    out.append("<text class=\"")
        .append(cssClass)
        .append("\" font-size=\"")
        .append(Markup.num(font))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\">");
    for (int i = 0; i < lines.size(); i++) {
      double baseline = firstCenter + i * lineHeight + font * 0.35;
      out.append("<tspan x=\"")
          .append(Markup.num(x))
          .append("\" y=\"")
          .append(Markup.num(baseline))
          .append("\">")
          .append(LabelMath.svg(lines.get(i)))
          .append("</tspan>");
    }
    out.append("</text>");
  }

  /** A polyline with slightly rounded corners; it starts and ends exactly at the ELK end points. */
  static String path(List<Placement.Point> points) {
    StringBuilder d = new StringBuilder();
    Placement.Point first = points.get(0);
    d.append('M').append(Markup.num(first.x())).append(' ').append(Markup.num(first.y()));
    for (int i = 1; i < points.size() - 1; i++) {
      Placement.Point prev = points.get(i - 1);
      Placement.Point at = points.get(i);
      Placement.Point next = points.get(i + 1);
      double r = Math.min(EDGE_CORNER, Math.min(distance(prev, at), distance(at, next)) / 2);
      Placement.Point in = toward(at, prev, r);
      Placement.Point out = toward(at, next, r);
      d.append('L')
          .append(Markup.num(in.x()))
          .append(' ')
          .append(Markup.num(in.y()))
          .append('Q')
          .append(Markup.num(at.x()))
          .append(' ')
          .append(Markup.num(at.y()))
          .append(' ')
          .append(Markup.num(out.x()))
          .append(' ')
          .append(Markup.num(out.y()));
    }
    Placement.Point last = points.get(points.size() - 1);
    d.append('L').append(Markup.num(last.x())).append(' ').append(Markup.num(last.y()));
    return d.toString();
  }

  private static double distance(Placement.Point a, Placement.Point b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  private static Placement.Point toward(Placement.Point from, Placement.Point to, double length) {
    double d = distance(from, to);
    if (d == 0) {
      return from;
    }
    return new Placement.Point(
        from.x() + (to.x() - from.x()) * length / d, from.y() + (to.y() - from.y()) * length / d);
  }
}
