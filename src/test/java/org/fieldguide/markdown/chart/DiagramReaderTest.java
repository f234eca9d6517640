package org.fieldguide.markdown.chart;

import static org.fieldguide.markdown.chart.ChartFixtures.DIAGRAM;
import static org.fieldguide.markdown.chart.ChartFixtures.diagramProblems;
import static org.fieldguide.markdown.chart.ChartFixtures.replaceOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagramReaderTest {

  @Test
  void validDiagramIsRead() {
    Diagram diagram = ChartFixtures.diagram(DIAGRAM);
    assertEquals("The three stages of RLHF", diagram.title());
    assertEquals("right", diagram.direction());
    assertEquals(
        List.of(
            new DiagramNode("sft", "Supervised fine-tuning", 13, 3),
            new DiagramNode("rm", "Reward model", 14, 3),
            new DiagramNode("ppo", "RL with PPO", 15, 3)),
        diagram.nodes());
    assertEquals(
        List.of(new DiagramGroup("Needs human labels", List.of("sft", "rm"), 17, 13)),
        diagram.groups());
    assertEquals(new DiagramEdge("sft", "rm", "samples to rank", 19, 12), diagram.edges().get(0));
  }

  @Test
  void directionDefaultsToRightAndEdgeLabelsAreOptional() {
    Diagram diagram =
        ChartFixtures.diagram("title: T\nnodes:\n  a: A\n  b: B\nedges:\n  - {from: a, to: b}\n");
    assertEquals("right", diagram.direction());
    assertNull(diagram.edges().get(0).label());
    assertEquals(List.of(), diagram.groups());
  }

  @Test
  void missingTitleIsReported() {
    assertEquals(
        List.of(
            "10:1: the diagram has no 'title'; add 'title: …', which names the figure for screen readers"),
        diagramProblems(replaceOnce(DIAGRAM, "title: The three stages of RLHF\n", "")));
  }

  @Test
  void unknownDirectionIsReported() {
    assertEquals(
        List.of("11:12: direction 'left' is not known; use 'right' or 'down'"),
        diagramProblems(replaceOnce(DIAGRAM, "direction: right", "direction: left")));
  }

  @Test
  void missingNodesAreReported() {
    String yaml = "title: Empty\nedges: []\n";
    assertEquals(
        List.of("10:1: the diagram has no 'nodes'; add a 'nodes:' mapping from ids to {label: …}"),
        diagramProblems(yaml));
  }

  @Test
  void edgeToAnUnknownNodeIsReported() {
    assertEquals(
        List.of(
            "19:21: edge from 'sft' to 'rn' names unknown node 'rn'; use one of the node ids (closest: 'rm')"),
        diagramProblems(replaceOnce(DIAGRAM, "{from: sft, to: rm,", "{from: sft, to: rn,")));
  }

  @Test
  void edgeFromAnUnknownNodeIsReported() {
    assertEquals(
        List.of(
            "20:12: edge from 'critic' to 'ppo' names unknown node 'critic'; use one of the node ids (sft, rm, ppo)"),
        diagramProblems(replaceOnce(DIAGRAM, "{from: rm, to: ppo", "{from: critic, to: ppo")));
  }

  @Test
  void groupWithAnUnknownNodeIsReported() {
    assertEquals(
        List.of(
            "17:48: group 'Needs human labels' lists unknown node 'rn'; use one of the node ids (closest: 'rm')"),
        diagramProblems(replaceOnce(DIAGRAM, "nodes: [sft, rm]", "nodes: [sft, rn]")));
  }

  @Test
  void nodeInTwoGroupsIsReported() {
    String yaml =
        replaceOnce(
            DIAGRAM,
            "  - {label: \"Needs human labels\", nodes: [sft, rm]}\n",
            "  - {label: \"Needs human labels\", nodes: [sft, rm]}\n  - {label: \"Trained\", nodes: [rm, ppo]}\n");
    assertEquals(
        List.of(
            "18:32: node 'rm' is in group 'Needs human labels' and again in group 'Trained'; a node can be in one group only, so remove it from one"),
        diagramProblems(yaml));
  }

  @Test
  void emptyGroupIsReported() {
    assertEquals(
        List.of("17:42: group 'Needs human labels' has no nodes; list them as 'nodes: [id, id]'"),
        diagramProblems(replaceOnce(DIAGRAM, "nodes: [sft, rm]", "nodes: []")));
  }

  @Test
  void unknownNodeKeyIsReported() {
    assertEquals(
        List.of("15:22: unknown key 'shape' in node 'ppo'; allowed keys are label"),
        diagramProblems(
            replaceOnce(DIAGRAM, "{label: \"RL with PPO\"}", "{label: \"RL\", shape: box}")));
  }

  @Test
  void nodeWithoutLabelIsReported() {
    assertEquals(
        List.of("15:3: node 'ppo' has no 'label'; add 'label: …'"),
        diagramProblems(replaceOnce(DIAGRAM, "{label: \"RL with PPO\"}", "{}")));
  }

  @Test
  void duplicateNodeIdIsReported() {
    assertEquals(
        List.of("15:3: key 'rm' appears twice; keep one"),
        diagramProblems(
            replaceOnce(
                DIAGRAM,
                "  ppo: {label: \"RL with PPO\"}\n",
                "  rm: Again\n  ppo: {label: \"RL with PPO\"}\n")));
  }

  @Test
  void edgesThatAreNotAListAreReported() {
    String yaml = DIAGRAM.substring(0, DIAGRAM.indexOf("edges:")) + "edges: {from: sft, to: rm}\n";
    assertEquals(
        List.of(
            "18:8: 'edges' must be a list; write each item as '- {from: a, to: b, label: \"…\"}'"),
        diagramProblems(yaml));
  }
}
