package org.fieldguide.markdown.chart;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a {@link ChartGraph} with Eclipse ELK's layered algorithm: groups become compound nodes
 * laid out together with their parent ({@code INCLUDE_CHILDREN}), edge labels sit inline on their
 * edges, and edges are routed orthogonally. ELK is deterministic for the same input order.
 */
final class ElkLayout {
  private static final double GROUP_PAD = 12;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private final ChartGraph graph;
  private final double spacing;
  private final ElkNode root = ElkGraphUtil.createGraph();
  private final Map<String, ElkNode> nodes = new HashMap<>();
  private final Map<String, ElkNode> groups = new HashMap<>();
  private final Map<String, ElkPort> entries = new HashMap<>();
  private final List<ElkEdge> edges = new ArrayList<>();

  private ElkLayout(ChartGraph graph, double spacing) {
    this.graph = graph;
    this.spacing = spacing;
  }

  static Placement layout(ChartGraph graph) {
    return layout(graph, 1);
  }

  /**
   * The layout with every spacing between boxes and edges scaled by {@code spacing} (1 = the
   * usual).
   */
  static Placement layout(ChartGraph graph, double spacing) {
    return new ElkLayout(graph, spacing).run();
  }

  private Placement run() {
    configure(root);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(8));
    if (!graph.down() && graph.groups().isEmpty()) {
      // A long left-to-right chain wraps into rows (ELK cannot wrap graphs with compound nodes).
      root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
      root.setProperty(CoreOptions.ASPECT_RATIO, 2.5);
    }
    addGroups();
    addBoxes();
    addEdges();
    new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
    return PlacementReader.read(root, nodes, groups, edges);
  }

  private void addGroups() {
    for (ChartGraph.Group g : graph.groups()) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier("group-" + g.id());
      configure(node);
      node.setProperty(
          CoreOptions.PADDING,
          new ElkPadding(GROUP_PAD + g.labelHeight() + 8, GROUP_PAD, GROUP_PAD, GROUP_PAD));
      node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
      double labelWidth = TextWrap.width(g.label(), TextWrap.GROUP_CHAR) + 2 * GROUP_PAD;
      // ELK 0.10 transposes a compound node's minimum size in vertical layouts; pre-transpose it.
      node.setProperty(
          CoreOptions.NODE_SIZE_MINIMUM,
          graph.down() ? new KVector(0, labelWidth) : new KVector(labelWidth, 0));
      groups.put(g.id(), node);
    }
  }

  private void addBoxes() {
    for (ChartGraph.Box box : graph.boxes()) {
      ElkNode parent = box.group() == null ? root : groups.get(box.group());
      ElkNode node = ElkGraphUtil.createNode(parent);
      node.setIdentifier(box.id());
      node.setDimensions(box.width(), box.height());
      nodes.put(box.id(), node);
    }
  }

  private void addEdges() {
    for (ChartGraph.Edge e : graph.edges()) {
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(source(e.from()), target(e.to()));
      ElkGraphUtil.updateContainment(edge);
      if (!e.label().isEmpty()) {
        ElkLabel label = ElkGraphUtil.createLabel(String.join(" ", e.label()), edge);
        label.setDimensions(e.labelWidth(), e.labelHeight());
        label.setProperty(LayeredOptions.EDGE_LABELS_INLINE, true);
      }
      edges.add(edge);
    }
  }

  private void configure(ElkNode node) {
    node.setProperty(CoreOptions.DIRECTION, graph.down() ? Direction.DOWN : Direction.RIGHT);
    node.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    node.setProperty(
        CoreOptions.HIERARCHY_HANDLING,
        graph.groups().isEmpty()
            ? HierarchyHandling.SEPARATE_CHILDREN
            : HierarchyHandling.INCLUDE_CHILDREN);
    if (graph.groups().isEmpty()) {
      // With INCLUDE_CHILDREN, model order makes ELK 0.10 fail in crossing minimization (bestSweep
      // null).
      node.setProperty(
          LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
    }
    node.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0 * spacing);
    node.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
    node.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0 * spacing);
    node.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
    node.setProperty(CoreOptions.SPACING_EDGE_EDGE, 12.0 * spacing);
    node.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
    node.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
  }

  /**
   * The box itself, or with {@code singleEntry} one port in the middle of its incoming side, shared
   * by every edge into the box.
   */
  private ElkConnectableShape target(String id) {
    ElkNode node = nodes.get(id);
    if (!graph.singleEntry()) {
      return node;
    }
    return entries.computeIfAbsent(id, k -> port(node, false));
  }

  /**
   * The box itself, or with {@code singleEntry} a port of its own on the box's outgoing side; ELK
   * orders and spreads these ports so that edges leave the box apart and do not cross.
   */
  private ElkConnectableShape source(String id) {
    ElkNode node = nodes.get(id);
    return graph.singleEntry() ? port(node, true) : node;
  }

  /** A port on the incoming or outgoing side of a box; ELK places it along that side. */
  private ElkPort port(ElkNode node, boolean outgoing) {
    ElkPort port = ElkGraphUtil.createPort(node);
    port.setDimensions(0, 0);
    boolean down = graph.down();
    PortSide side =
        down
            ? (outgoing ? PortSide.SOUTH : PortSide.NORTH)
            : (outgoing ? PortSide.EAST : PortSide.WEST);
    port.setProperty(CoreOptions.PORT_SIDE, side);
    node.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_SIDE);
    return port;
  }
}
