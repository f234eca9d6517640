package org.fieldguide.markdown.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fieldguide.diag.Diagnostics;

/**
 * Turns checked flowcharts and diagrams into HTML: a {@code <figure class="chart">} holding an
 * inline SVG drawn from an ELK layout, and for flowcharts a step-by-step list after it. Output is
 * deterministic. The page needs {@code templates/assets/chart.css} for colours.
 */
public final class ChartRenderer {
  private static final int BOX_WRAP = 24;
  private static final int LABEL_WRAP = 22;
  private static final int ACROSS_BOX_WRAP = 16;
  private static final int ACROSS_LABEL_WRAP = 14;

  /** A grouped left-to-right diagram wider than this is drawn top to bottom instead. */
  static final double MAX_ACROSS_WIDTH = 960;

  /**
   * The smallest text, in CSS pixels, that a chart shrinks to when it scales down to the page
   * column; below that it keeps this size and scrolls sideways instead.
   */
  static final double MIN_TEXT_PX = 11;

  /**
   * The reading column's width in CSS pixels ({@code --measure} in {@code style.css}): a flowchart
   * is laid out to fit it where its graph allows.
   */
  static final double COLUMN_PX = 704;

  /**
   * The ways a flowchart may be laid out, tried in turn: box text wrap and spacing scale. The first
   * that fits the column at full size wins; failing that, the first that fits once scaled down to
   * {@value #MIN_TEXT_PX} px text; failing that, the narrowest, drawn as a wide figure.
   */
  private static final int[] FIT_WRAPS = {BOX_WRAP, 20, 16};

  private static final double[] FIT_SPACING = {1, 0.75, 0.6};
  static final String FLOWCHART_HINT =
      "The chart is wider than the page: scroll it sideways, or follow the step-by-step version below.";
  static final String DIAGRAM_HINT =
      "The diagram is wider than the page: scroll it sideways to see all of it.";

  private ChartRenderer() {}

  /**
   * Draws a flowchart and its step-by-step version.
   *
   * @param path project-relative path of the page, for diagnostics
   * @param title the chart's accessible name (usually the page title)
   * @param linkResolver maps an outcome's {@code link} as written to a relative href, or empty when
   *     it is not a page (reported at the link's position)
   * @param idPrefix makes element ids unique on the page, such as {@code fc1}: each step is {@code
   *     fc1-<node id>}, and the chart's own ids are {@code fc1--title}, {@code fc1--desc}, {@code
   *     fc1--arrow} and {@code fc1--steps}; give every chart on a page a different prefix without
   *     {@code -}
   */
  public static String flowchartHtml(
      String path,
      Flowchart chart,
      String title,
      Function<String, Optional<String>> linkResolver,
      String idPrefix,
      Diagnostics d) {
    checkPrefix(idPrefix);
    Objects.requireNonNull(title, "title");
    Map<String, String> hrefs = new HashMap<>();
    for (FlowNode node : chart.nodes()) {
      if (node.isOutcome() && node.link() != null) {
        Optional<String> href = linkResolver.apply(node.link());
        if (href.isPresent()) {
          hrefs.put(node.id(), href.get());
        } else {
          d.error(
              path,
              node.linkLine(),
              node.linkColumn(),
              ChartMessages.linkNotPage(node.id(), node.link()));
        }
      }
    }
    List<FlowNode> order = readingOrder(chart);
    ChartGraph graph = null;
    Placement placement = null;
    ChartGraph scaledGraph = null;
    Placement scaled = null;
    for (int i = 0; i < FIT_WRAPS.length; i++) {
      ChartGraph g = flowchartGraph(chart, order, hrefs, FIT_WRAPS[i]);
      Placement p = ElkLayout.layout(g, FIT_SPACING[i]);
      if (p.width() <= COLUMN_PX) {
        graph = g;
        placement = p;
        break;
      }
      if (scaled == null || !fitsScaled(scaled) && (fitsScaled(p) || p.width() < scaled.width())) {
        scaledGraph = g;
        scaled = p;
      }
    }
    if (graph == null) {
      graph = scaledGraph;
      placement = scaled;
    }
    String desc =
        "Decision flowchart with "
            + count(chart.questionCount(), "question")
            + " and "
            + count(chart.outcomeCount(), "outcome")
            + "; a step-by-step version follows.";
    String svg = SvgWriter.write(graph, placement, title, desc, idPrefix);
    Placement.Rect start = placement.boxes().get(chart.start());
    String kind = "chart-flowchart" + (fitsScaled(placement) ? "" : " chart-wide");
    return figure(kind, svg, placement, title, null, FLOWCHART_HINT, start)
        + StepsWriter.write(chart, order, hrefs, idPrefix);
  }

  /**
   * Whether a drawing fits the reading column, scaled down no further than {@value #MIN_TEXT_PX} px
   * text.
   */
  private static boolean fitsScaled(Placement p) {
    return p.width() * MIN_TEXT_PX / Math.min(TextWrap.BOX_FONT, TextWrap.LABEL_FONT) <= COLUMN_PX;
  }

  private static ChartGraph flowchartGraph(
      Flowchart chart, List<FlowNode> order, Map<String, String> hrefs, int wrap) {
    List<ChartGraph.Box> boxes = new ArrayList<>();
    List<ChartGraph.Edge> edges = new ArrayList<>();
    for (FlowNode node : order) {
      boxes.add(
          node.isOutcome()
              ? ChartGraph.Box.of(
                  node.id(), "fc-outcome", node.outcome(), wrap, true, null, hrefs.get(node.id()))
              : ChartGraph.Box.of(node.id(), "fc-question", node.ask(), wrap, false, null, null));
      for (Answer answer : node.answers()) {
        if (chart.node(answer.to()).isPresent()) {
          edges.add(
              ChartGraph.Edge.of(
                  node.id(), answer.to(), answer.label(), Math.min(LABEL_WRAP, wrap)));
        }
      }
    }
    return new ChartGraph(true, true, boxes, edges, List.of());
  }

  /**
   * Draws a diagram. Its {@code <desc>} lists every arrow and group in words, as the text
   * alternative for readers who cannot see the figure. A long left-to-right diagram without groups
   * wraps into rows; one with groups that would be wider than {@value #MAX_ACROSS_WIDTH} px is
   * drawn top to bottom, so that its text stays readable in a page column.
   *
   * @param idPrefix makes element ids unique on the page, such as {@code dg1} (the diagram uses
   *     {@code dg1--title}, {@code dg1--desc} and {@code dg1--arrow})
   */
  public static String diagramHtml(Diagram diagram, String idPrefix) {
    checkPrefix(idPrefix);
    boolean down = diagram.direction().equals("down");
    ChartGraph graph = diagramGraph(diagram, down);
    Placement placement = ElkLayout.layout(graph);
    if (!down && !graph.groups().isEmpty() && placement.width() > MAX_ACROSS_WIDTH) {
      down = true;
      graph = diagramGraph(diagram, true);
      placement = ElkLayout.layout(graph);
    }
    String svg =
        SvgWriter.write(
            graph, placement, diagram.title(), DiagramText.describe(diagram, down), idPrefix);
    return figure(
        "chart-diagram" + (fitsScaled(placement) ? "" : " chart-wide"),
        svg,
        placement,
        diagram.title(),
        diagram.title(),
        DIAGRAM_HINT,
        null);
  }

  /**
   * The figure around a drawing. The SVG scales down to the column ({@code max-width: 100%} with
   * its viewBox, in {@code chart.css}) until its smallest text would be {@value #MIN_TEXT_PX} px;
   * an empty, hidden SVG that wide (the floor) keeps the frame from getting narrower, so in a
   * narrower column the chart keeps that size and its scroll area, which has a name and can take
   * keyboard focus, scrolls sideways. {@code site.js} shows the hint only while the chart scrolls.
   * A diagram's title is its visible caption; a flowchart has its page's heading instead ({@code
   * caption} null).
   */
  private static String figure(
      String kind,
      String svg,
      Placement placement,
      String title,
      String caption,
      String hint,
      Placement.Rect start) {
    double smallestText = Math.min(TextWrap.BOX_FONT, TextWrap.LABEL_FONT);
    double floor = Math.ceil(placement.width() * Math.min(1, MIN_TEXT_PX / smallestText));
    // Where the first question sits, as a share of the width: site.js scrolls a chart wider than
    // the window so that it opens there rather than on blank space.
    String startAt =
        start == null
            ? ""
            : " data-start=\""
                + Markup.num(Math.round(start.centerX() / placement.width() * 1000) / 1000.0)
                + "\"";
    return "<figure class=\"chart "
        + kind
        + "\">\n"
        + "<div class=\"chart-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Chart: "
        + Markup.escape(title)
        + "\""
        + startAt
        + ">\n"
        + "<div class=\"chart-frame\">\n"
        + "<svg class=\"chart-floor\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" width=\""
        + Markup.num(floor)
        + "\" height=\"0\"></svg>\n"
        + svg
        + "</div>\n</div>\n"
        + "<p class=\"chart-hint\" hidden=\"hidden\">"
        + Markup.escape(hint)
        + "</p>\n"
        + (caption == null
            ? ""
            : "<figcaption class=\"chart-caption\">" + Markup.escape(caption) + "</figcaption>\n")
        + "</figure>\n";
  }

  private static ChartGraph diagramGraph(Diagram diagram, boolean down) {
    Map<String, String> groupOf = new HashMap<>();
    List<ChartGraph.Group> groups = new ArrayList<>();
    for (int i = 0; i < diagram.groups().size(); i++) {
      DiagramGroup group = diagram.groups().get(i);
      String id = String.valueOf(i + 1);
      groups.add(ChartGraph.Group.of(id, group.label()));
      group.nodes().forEach(n -> groupOf.put(n, id));
    }
    List<ChartGraph.Box> boxes = new ArrayList<>();
    for (DiagramNode node : diagram.nodes()) {
      boxes.add(
          ChartGraph.Box.of(
              node.id(),
              "chart-node",
              node.label(),
              down ? BOX_WRAP : ACROSS_BOX_WRAP,
              false,
              groupOf.get(node.id()),
              null));
    }
    List<ChartGraph.Edge> edges = new ArrayList<>();
    for (DiagramEdge edge : diagram.edges()) {
      edges.add(
          ChartGraph.Edge.of(
              edge.from(), edge.to(), edge.label(), down ? LABEL_WRAP : ACROSS_LABEL_WRAP));
    }
    return new ChartGraph(down, false, boxes, edges, groups);
  }

  /** Breadth first from the start, answers in order; nodes not reached follow in file order. */
  static List<FlowNode> readingOrder(Flowchart chart) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    if (chart.node(chart.start()).isPresent()) {
      seen.add(chart.start());
      queue.add(chart.start());
    }
    while (!queue.isEmpty()) {
      for (Answer answer : chart.node(queue.removeFirst()).orElseThrow().answers()) {
        if (chart.node(answer.to()).isPresent() && seen.add(answer.to())) {
          queue.addLast(answer.to());
        }
      }
    }
    chart.nodes().forEach(n -> seen.add(n.id()));
    return seen.stream().map(id -> chart.node(id).orElseThrow()).toList();
  }

  private static void checkPrefix(String idPrefix) {
    if (idPrefix == null || !idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "idPrefix must be a letter followed by letters, digits, '-' or '_', not '"
              + idPrefix
              + "'");
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
