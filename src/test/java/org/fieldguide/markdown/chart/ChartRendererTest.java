package org.fieldguide.markdown.chart;

import static org.fieldguide.markdown.chart.ChartFixtures.LARGE;
import static org.fieldguide.markdown.chart.ChartFixtures.PATH;
import static org.fieldguide.markdown.chart.ChartFixtures.SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fieldguide.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ChartRendererTest {
  private static final Function<String, Optional<String>> PAGES =
      link -> Optional.of(link.replace(".md", "/"));

  private static String render(String yaml) {
    Diagnostics d = new Diagnostics();
    String html =
        ChartRenderer.flowchartHtml(
            PATH, ChartFixtures.flowchart(yaml), "Choosing an approach", PAGES, "fc1", d);
    assertEquals(List.of(), ChartFixtures.lines(d));
    return html;
  }

  @Test
  void flowchartIsWellFormedXmlWithAnAccessibleName() throws Exception {
    SvgShapes svg = new SvgShapes(render(LARGE));
    Element image =
        svg.elements("svg", null).stream()
            .filter(e -> e.getAttribute("role").equals("img"))
            .findFirst()
            .orElseThrow();
    assertEquals("fc1--title fc1--desc", image.getAttribute("aria-labelledby"));
    Element title = svg.elements("title", null).get(0);
    assertEquals("fc1--title", title.getAttribute("id"));
    assertEquals("Choosing an approach", title.getTextContent());
    assertEquals("fc1--desc", svg.elements("desc", null).get(0).getAttribute("id"));
    assertEquals("fc1--arrow", svg.elements("marker", null).get(0).getAttribute("id"));
    assertEquals(
        "Decision flowchart with 6 questions and 6 outcomes; a step-by-step version follows.",
        svg.elements("desc", null).get(0).getTextContent());
    Element outer = svg.elements("svg", "chart-svg").get(0);
    assertTrue(outer.getAttribute("viewBox").startsWith("0 0 "));
    assertFalse(outer.getAttribute("width").isEmpty());
    assertFalse(outer.getAttribute("height").isEmpty());
    Element frame = (Element) outer.getParentNode();
    assertEquals("chart-frame", frame.getAttribute("class"));
    Element scroll = (Element) frame.getParentNode();
    assertEquals("chart-scroll", scroll.getAttribute("class"));
    assertEquals("region", scroll.getAttribute("role"));
    assertEquals("0", scroll.getAttribute("tabindex"));
    assertEquals("Chart: Choosing an approach", scroll.getAttribute("aria-label"));
    assertEquals("figure", ((Element) scroll.getParentNode()).getTagName());
  }

  @Test
  void theFloorBesideTheDrawingIsAsWideAsTheDrawingWithElevenPixelText() throws Exception {
    String html =
        render(LARGE)
            + ChartRenderer.diagramHtml(ChartFixtures.diagram(ChartFixtures.GROUPED), "dg1");
    SvgShapes svg = new SvgShapes(html);
    List<Element> floors = svg.elements("svg", "chart-floor");
    List<Element> drawings = svg.elements("svg", "chart-svg");
    assertEquals(2, floors.size());
    assertEquals(2, drawings.size());
    for (int i = 0; i < 2; i++) {
      double natural = Double.parseDouble(drawings.get(i).getAttribute("width"));
      assertEquals(
          Math.ceil(natural * 11 / 12),
          Double.parseDouble(floors.get(i).getAttribute("width")),
          0.05);
      assertEquals("0", floors.get(i).getAttribute("height"));
      assertEquals("true", floors.get(i).getAttribute("aria-hidden"));
      assertEquals(drawings.get(i).getParentNode(), floors.get(i).getParentNode());
    }
    List<Element> hints = svg.elements("p", "chart-hint");
    assertEquals(
        List.of(ChartRenderer.FLOWCHART_HINT, ChartRenderer.DIAGRAM_HINT),
        hints.stream().map(Element::getTextContent).toList());
    assertTrue(
        hints.stream().allMatch(h -> h.hasAttribute("hidden")),
        "the hints start hidden; site.js shows them");
  }

  @Test
  void idsAreUniqueAndReferencesResolve() throws Exception {
    String html =
        render(LARGE)
            + ChartRenderer.diagramHtml(ChartFixtures.diagram(ChartFixtures.GROUPED), "dg1");
    SvgShapes parsed = new SvgShapes(html);
    Set<String> ids = new HashSet<>();
    for (Element e : parsed.elements("*", null)) {
      if (!e.getAttribute("id").isEmpty()) {
        assertTrue(ids.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
      }
    }
    Matcher refs = Pattern.compile("(?:href=\"#|url\\(#)([^\")]+)").matcher(html);
    int count = 0;
    while (refs.find()) {
      assertTrue(ids.contains(refs.group(1)), refs.group(1));
      count++;
    }
    assertTrue(count > 20);
    for (String idref :
        List.of("fc1--title", "fc1--desc", "fc1--steps", "dg1--title", "dg1--desc")) {
      assertTrue(ids.contains(idref), idref);
    }
  }

  @Test
  void boxesDoNotOverlapAndLabelsStayOffBoxes() throws Exception {
    SvgShapes svg = new SvgShapes(render(LARGE));
    List<SvgShapes.Box> boxes = svg.rects("fc-question", "fc-outcome");
    assertEquals(12, boxes.size());
    List<SvgShapes.Box> labels = svg.rects("chart-edge-label-bg");
    assertEquals(13, labels.size());
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertFalse(
            boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
      }
      for (SvgShapes.Box label : labels) {
        assertFalse(boxes.get(i).overlaps(label), label + " overlaps " + boxes.get(i));
      }
    }
  }

  @Test
  void everyEdgeStartsAndEndsOnABoxBorder() throws Exception {
    for (String html :
        List.of(
            render(LARGE),
            ChartRenderer.diagramHtml(ChartFixtures.diagram(ChartFixtures.GROUPED), "dg1"))) {
      SvgShapes svg = new SvgShapes(html);
      List<SvgShapes.Box> boxes = svg.rects("fc-question", "fc-outcome", "chart-node");
      List<double[]> ends = svg.edgeEnds();
      assertFalse(ends.isEmpty());
      for (double[] e : ends) {
        assertTrue(
            boxes.stream().anyMatch(b -> b.onBorder(e[0], e[1], 1.5)),
            "start " + e[0] + "," + e[1]);
        assertTrue(
            boxes.stream().anyMatch(b -> b.onBorder(e[2], e[3], 1.5)), "end " + e[2] + "," + e[3]);
      }
    }
  }

  /**
   * Found by hand-made random diagrams (40 nodes, 14 edges, a cycle): ELK returned one edge with no
   * route, and drawing it threw ArrayIndexOutOfBoundsException. Such an edge is now drawn straight
   * from border to border.
   */
  @Test
  void anEdgeElkLeavesUnroutedIsDrawnStraightBetweenItsBoxes() throws Exception {
    String yaml;
    try (var in = ChartRendererTest.class.getResourceAsStream("unrouted-edge.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    SvgShapes svg = new SvgShapes(ChartRenderer.diagramHtml(ChartFixtures.diagram(yaml), "dg1"));
    List<SvgShapes.Box> boxes = svg.rects("chart-node");
    List<double[]> ends = svg.edgeEnds();
    assertEquals(14, ends.size());
    for (double[] e : ends) {
      assertTrue(
          boxes.stream().anyMatch(b -> b.onBorder(e[0], e[1], 1.5)), "start " + e[0] + "," + e[1]);
      assertTrue(
          boxes.stream().anyMatch(b -> b.onBorder(e[2], e[3], 1.5)), "end " + e[2] + "," + e[3]);
    }
  }

  @Test
  void stepsListEveryNodeAndAnswerWithWorkingLinks() throws Exception {
    String html = render(LARGE);
    String steps = html.substring(html.indexOf("<ol class=\"fc-steps\""));
    Flowchart chart = ChartFixtures.flowchart(LARGE);
    SvgShapes parsed = new SvgShapes(steps);
    Set<String> ids = new HashSet<>();
    for (Element li : parsed.elements("li", null)) {
      if (!li.getAttribute("id").isEmpty()) {
        ids.add(li.getAttribute("id"));
      }
    }
    for (FlowNode node : chart.nodes()) {
      assertTrue(ids.contains("fc1-" + node.id()), node.id());
      assertTrue(steps.contains(Markup.escape(node.text())), node.text());
      for (Answer answer : node.answers()) {
        assertTrue(
            steps.contains(
                "<a href=\"#fc1-" + answer.to() + "\">" + Markup.escape(answer.label()) + "</a>"),
            answer.label());
      }
      if (node.why() != null) {
        assertTrue(steps.contains(Markup.escape(node.why())), node.why());
      }
    }
    assertTrue(
        steps.contains(
            "<a href=\"../alignment/rule-based-rewards/#verifiable\">Read: Verifiable (programmatic) rewards</a>"));
    assertTrue(steps.indexOf("id=\"fc1-checkable\"") < steps.indexOf("id=\"fc1-steps\""));
    assertTrue(
        steps.indexOf("id=\"fc1-principles\"") < steps.indexOf("id=\"fc1-process\""),
        "questions come before outcomes");
    assertTrue(html.contains("<h2 class=\"fc-steps-title\" id=\"fc1--steps\">Step by step</h2>"));
  }

  @Test
  void outcomeBoxesLinkToTheirPagesOutsideTheImage() throws Exception {
    SvgShapes svg = new SvgShapes(render(SMALL));
    List<Element> links = svg.elements("a", "fc-link");
    assertEquals(
        List.of("../alignment/dpo/", "../alignment/ppo/", "../alignment/sft/"),
        links.stream().map(a -> a.getAttribute("href")).sorted().toList());
    for (Element link : links) {
      assertTrue(link.getAttribute("aria-label").startsWith("Read: "));
      Element parent = (Element) link.getParentNode().getParentNode();
      assertEquals(
          "chart-svg",
          parent.getAttribute("class"),
          "links sit in the outer svg, not inside role=img");
    }
  }

  @Test
  void outcomeLinkThatIsNotAPageIsReportedAtTheLink() {
    Diagnostics d = new Diagnostics();
    Function<String, Optional<String>> resolver =
        link -> link.contains("sft") ? Optional.empty() : PAGES.apply(link);
    String html =
        ChartRenderer.flowchartHtml(PATH, ChartFixtures.flowchart(SMALL), "T", resolver, "fc1", d);
    assertEquals(
        List.of(
            "31:11: outcome 'sft' links to '../alignment/sft.md', which is not a page; give the path of a Markdown page relative to this file"),
        ChartFixtures.lines(d));
    assertFalse(html.contains("Read: Fine-tune on demonstrations"));
  }

  @Test
  void sameInputGivesTheSameBytes() {
    assertEquals(render(LARGE), render(LARGE));
    Diagram diagram = ChartFixtures.diagram(ChartFixtures.GROUPED);
    assertEquals(
        ChartRenderer.diagramHtml(diagram, "dg1"), ChartRenderer.diagramHtml(diagram, "dg1"));
  }

  @Test
  void colorsComeOnlyFromCss() {
    String html =
        render(LARGE)
            + ChartRenderer.diagramHtml(ChartFixtures.diagram(ChartFixtures.GROUPED), "dg1");
    assertFalse(html.contains("style="));
    assertFalse(html.contains("fill=\""));
    assertFalse(html.contains("stroke"));
    assertFalse(html.contains("color"));
  }

  @Test
  void textIsEscapedAndWrappedIntoLines() throws Exception {
    String html = render(LARGE);
    assertTrue(html.contains("&lt;readable&gt;"));
    assertFalse(html.contains("<readable>"));
    SvgShapes svg = new SvgShapes(html);
    SvgShapes.Box box =
        svg.rects("fc-question").stream()
            .filter(b -> b.text().startsWith("Can you write"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "Can you write the behavior you want as <readable> principles & rules?", box.text());
    for (Element tspan : svg.elements("tspan", null)) {
      assertTrue(tspan.getTextContent().length() <= 24, tspan.getTextContent());
    }
  }

  @Test
  void diagramGroupsAreBoxesAroundTheirNodes() throws Exception {
    Diagram diagram = ChartFixtures.diagram(ChartFixtures.GROUPED);
    SvgShapes svg = new SvgShapes(ChartRenderer.diagramHtml(diagram, "dg1"));
    List<SvgShapes.Box> groups = svg.rects("chart-group");
    List<SvgShapes.Box> nodes = svg.rects("chart-node");
    assertEquals(2, groups.size());
    assertEquals(9, nodes.size());
    for (int i = 0; i < 2; i++) {
      DiagramGroup group = diagram.groups().get(i);
      SvgShapes.Box box =
          groups.stream().filter(g -> g.text().equals(group.label())).findFirst().orElseThrow();
      assertTrue(
          box.width() >= TextWrap.width(List.of(group.label()), TextWrap.GROUP_CHAR), "label fits");
      for (DiagramNode node : diagram.nodes()) {
        SvgShapes.Box nodeBox =
            nodes.stream().filter(n -> n.text().equals(node.label())).findFirst().orElseThrow();
        assertEquals(
            group.nodes().contains(node.id()),
            box.contains(nodeBox),
            group.label() + " / " + node.label());
      }
    }
    assertFalse(groups.get(0).overlaps(groups.get(1)));
    assertEquals(
        "The two phases of Constitutional AI", svg.elements("title", null).get(0).getTextContent());
    assertTrue(
        svg.elements("desc", null)
            .get(0)
            .getTextContent()
            .startsWith(
                "Diagram, top to bottom, with 9 boxes. Arrows: Prompts that invite harm to Initial model's answer (sample);"));
    assertEquals("img", svg.elements("svg", "chart-svg").get(0).getAttribute("role"));
  }

  @Test
  void wideGroupedDiagramTurnsTopToBottom() {
    StringBuilder yaml = new StringBuilder("title: A long pipeline\nnodes:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  n")
          .append(i)
          .append(": {label: \"Stage number ")
          .append(i)
          .append(" of the pipeline\"}\n");
    }
    yaml.append("groups:\n  - {label: \"First half\", nodes: [n0, n1, n2, n3, n4, n5]}\nedges:\n");
    for (int i = 0; i < 11; i++) {
      yaml.append("  - {from: n")
          .append(i)
          .append(", to: n")
          .append(i + 1)
          .append(", label: \"step\"}\n");
    }
    String html = ChartRenderer.diagramHtml(ChartFixtures.diagram(yaml.toString()), "dg2");
    assertTrue(html.contains("Diagram, top to bottom"));
  }

  @Test
  void numbersAreRoundedToOneDecimal() {
    assertEquals("12.3", Markup.num(12.34));
    assertEquals("12", Markup.num(11.96));
    assertEquals("-0.5", Markup.num(-0.5));
    assertEquals("0", Markup.num(0.04));
  }
}
