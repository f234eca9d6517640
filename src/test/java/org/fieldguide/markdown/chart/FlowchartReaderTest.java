package org.fieldguide.markdown.chart;

import static org.fieldguide.markdown.chart.ChartFixtures.LARGE;
import static org.fieldguide.markdown.chart.ChartFixtures.SMALL;
import static org.fieldguide.markdown.chart.ChartFixtures.flowchartProblems;
import static org.fieldguide.markdown.chart.ChartFixtures.replaceOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.fieldguide.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class FlowchartReaderTest {

  @Test
  void validChartIsReadWithPositions() {
    Flowchart chart = ChartFixtures.flowchart(SMALL);
    assertEquals("data", chart.start());
    assertEquals(
        List.of("data", "online", "ppo", "dpo", "sft"),
        chart.nodes().stream().map(FlowNode::id).toList());
    FlowNode data = chart.node("data").orElseThrow();
    assertFalse(data.isOutcome());
    assertEquals("Do you have preference data?", data.ask());
    assertEquals(
        List.of(new Answer("Yes", "online", 15, 28), new Answer("No", "sft", 16, 27)),
        data.answers());
    assertEquals(12, data.line());
    assertEquals(3, data.column());
    FlowNode dpo = chart.node("dpo").orElseThrow();
    assertTrue(dpo.isOutcome());
    assertEquals("Use DPO", dpo.outcome());
    assertEquals("../alignment/dpo.md", dpo.link());
    assertEquals("One loss, no sampling.", dpo.why());
    assertEquals(27, dpo.linkLine());
    assertEquals(11, dpo.linkColumn());
    assertNull(chart.node("ppo").orElseThrow().why());
  }

  @Test
  void largeChartWithSharedOutcomesIsValid() {
    Flowchart chart = ChartFixtures.flowchart(LARGE);
    assertEquals(12, chart.nodes().size());
    assertEquals(6, chart.questionCount());
    assertEquals(6, chart.outcomeCount());
  }

  @Test
  void missingStartIsReported() {
    assertEquals(
        List.of(
            "10:1: the flowchart has no 'start'; add 'start: <node id>' naming the first question"),
        flowchartProblems(replaceOnce(SMALL, "start: data\n", "")));
  }

  @Test
  void unknownStartIsReportedWithTheClosestId() {
    assertEquals(
        List.of(
            "10:8: start node 'dta' is not one of the nodes; use one of the node ids (closest: 'data')"),
        flowchartProblems(replaceOnce(SMALL, "start: data", "start: dta")));
  }

  @Test
  void answerToAnUnknownNodeIsReportedAtItsTarget() {
    assertEquals(
        List.of(
            "15:28: answer 'Yes' of node 'data' goes to unknown node 'onlne'; use one of the node ids (closest: 'online')",
            "17:3: node 'online' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it",
            "22:3: node 'ppo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it",
            "25:3: node 'dpo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(replaceOnce(SMALL, "to: online}", "to: onlne}")));
  }

  @Test
  void unreachableNodeIsReported() {
    String yaml = SMALL + "  orphan:\n    outcome: Nobody gets here\n    link: ../x.md\n";
    assertEquals(
        List.of(
            "32:3: node 'orphan' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(yaml));
  }

  @Test
  void cycleIsReportedWithTheNodesOnIt() {
    assertEquals(
        List.of(
            "21:27: answer 'No' of node 'online' makes a loop (data → online → data); a flowchart must not loop, so send the answer to a node further down",
            "25:3: node 'dpo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(
            replaceOnce(SMALL, "{label: \"No\", to: dpo}", "{label: \"No\", to: data}")));
  }

  @Test
  void selfLoopIsReported() {
    String yaml = replaceOnce(SMALL, "{label: \"Yes\", to: ppo}", "{label: \"Yes\", to: online}");
    assertEquals(
        List.of(
            "20:28: answer 'Yes' of node 'online' makes a loop (online → online); a flowchart must not loop, so send the answer to a node further down",
            "22:3: node 'ppo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(yaml));
  }

  @Test
  void questionWithOneAnswerIsReported() {
    String yaml = replaceOnce(SMALL, "      - {label: \"No\", to: dpo}\n", "");
    assertEquals(
        List.of(
            "20:7: question 'online' has only one answer; give it at least two answers, each {label: …, to: <node id>}",
            "24:3: node 'dpo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(yaml));
  }

  @Test
  void questionWithoutAnswersIsReported() {
    String yaml =
        replaceOnce(
            SMALL,
            "    ask: Can you sample online?\n    answers:\n      - {label: \"Yes\", to: ppo}\n      - {label: \"No\", to: dpo}\n",
            "    ask: Can you sample online?\n");
    assertEquals(
        List.of(
            "17:3: question 'online' has no answers; give it at least two answers, each {label: …, to: <node id>}",
            "19:3: node 'ppo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it",
            "22:3: node 'dpo' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(yaml));
  }

  @Test
  void outcomeWithAnswersIsReported() {
    String yaml =
        replaceOnce(
            SMALL,
            "    link: ../alignment/ppo.md\n",
            "    link: ../alignment/ppo.md\n    answers:\n      - {label: \"Again\", to: dpo}\n");
    assertEquals(
        List.of(
            "26:7: outcome 'ppo' has answers; an outcome ends the chart, so remove 'answers' or change 'outcome' to 'ask'"),
        flowchartProblems(yaml));
  }

  @Test
  void nodeWithBothAskAndOutcomeIsReported() {
    String yaml =
        replaceOnce(SMALL, "    outcome: Use PPO\n", "    outcome: Use PPO\n    ask: Really?\n");
    assertEquals(
        List.of(
            "22:3: node 'ppo' has both 'ask' and 'outcome'; keep 'ask' for a question or 'outcome' for an end point"),
        flowchartProblems(yaml));
  }

  @Test
  void nodeWithNeitherAskNorOutcomeIsReported() {
    String yaml = replaceOnce(SMALL, "    outcome: Use PPO\n", "");
    assertEquals(
        List.of(
            "22:3: node 'ppo' has neither 'ask' nor 'outcome'; add 'ask: …' for a question or 'outcome: …' for an end point"),
        flowchartProblems(yaml));
  }

  @Test
  void outcomeWithoutLinkIsReported() {
    String yaml = replaceOnce(SMALL, "    link: ../alignment/ppo.md\n", "");
    assertEquals(
        List.of(
            "22:3: outcome 'ppo' has no 'link'; add 'link: ../section/page.md' naming the page that explains it"),
        flowchartProblems(yaml));
  }

  @Test
  void questionWithLinkIsReported() {
    String yaml =
        replaceOnce(
            SMALL,
            "    ask: Can you sample online?\n",
            "    ask: Can you sample online?\n    link: ../x.md\n");
    assertEquals(
        List.of(
            "19:11: question 'online' has 'link', which only outcomes use; remove it, or turn the node into an outcome"),
        flowchartProblems(yaml));
  }

  @Test
  void duplicateNodeIdIsReported() {
    String yaml = SMALL + "  dpo:\n    outcome: Use DPO again\n    link: ../x.md\n";
    assertEquals(List.of("32:3: key 'dpo' appears twice; keep one"), flowchartProblems(yaml));
  }

  @Test
  void unknownKeyIsReportedWithTheClosestKey() {
    String yaml = replaceOnce(SMALL, "    why: One loss", "    wy: One loss");
    assertEquals(
        List.of(
            "28:5: unknown key 'wy' in node 'dpo' (did you mean 'why'?); allowed keys are ask, answers, outcome, link, why"),
        flowchartProblems(yaml));
  }

  @Test
  void unknownKeyInAnAnswerIsReported() {
    String yaml =
        replaceOnce(SMALL, "{label: \"Yes\", to: ppo}", "{label: \"Yes\", to: ppo, note: fast}");
    assertEquals(
        List.of(
            "20:33: unknown key 'note' in an answer of node 'online'; allowed keys are label, to"),
        flowchartProblems(yaml));
  }

  @Test
  void unknownTopLevelKeyIsReported() {
    String yaml = "title: Extra\n" + SMALL;
    assertEquals(
        List.of("10:1: unknown key 'title' in the flowchart; allowed keys are start, nodes"),
        flowchartProblems(yaml));
  }

  @Test
  void answerWithoutTargetIsReported() {
    String yaml = replaceOnce(SMALL, "{label: \"No\", to: sft}", "{label: \"No\"}");
    assertEquals(
        List.of(
            "16:9: an answer of node 'data' has no 'to'; add 'to: <node id>'",
            "29:3: node 'sft' cannot be reached from the start node 'data'; add an answer that goes to it, or remove it"),
        flowchartProblems(yaml));
  }

  @Test
  void nodeIdThatCannotBeAnHtmlIdIsReported() {
    String yaml = replaceOnce(SMALL, "  sft:\n", "  s f t:\n").replace("to: sft}", "to: s f t}");
    assertEquals(
        List.of(
            "29:3: node id 's f t' must start with a letter or digit and use only letters, digits, '-' and '_'; rename it"),
        flowchartProblems(yaml));
  }

  @Test
  void nodeThatIsNotAMappingIsReported() {
    String yaml =
        replaceOnce(
            SMALL,
            "  sft:\n    outcome: Fine-tune on demonstrations\n    link: ../alignment/sft.md\n",
            "  sft: Fine-tune on demonstrations\n");
    assertEquals(
        List.of(
            "29:3: node 'sft' must be a mapping; give it 'ask' and 'answers', or 'outcome' and 'link'"),
        flowchartProblems(yaml));
  }

  @Test
  void emptyNodesAreReported() {
    assertEquals(
        List.of(
            "11:8: the flowchart has no 'nodes'; add a 'nodes:' mapping from node ids to questions and outcomes"),
        flowchartProblems("start: data\nnodes: {}\n"));
  }

  @Test
  void malformedYamlIsReportedAtItsPosition() {
    List<String> problems = flowchartProblems("start: data\nnodes: [unclosed\n");
    assertEquals(
        List.of(
            "11:8: malformed YAML: the list starting here with '[' is not closed; add ']' after its last"
                + " item, or quote the value if it is text starting with '['"),
        problems);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        replaceOnce(
            replaceOnce(SMALL, "start: data", "start: dta"), "    link: ../alignment/ppo.md\n", "");
    assertEquals(
        List.of(
            "10:8: start node 'dta' is not one of the nodes; use one of the node ids (closest: 'data')",
            "22:3: outcome 'ppo' has no 'link'; add 'link: ../section/page.md' naming the page that explains it"),
        flowchartProblems(yaml));
  }

  @Test
  void outcomeLinkThatIsNotAPageIsReportedWithTheChartsOtherProblems() {
    String yaml = replaceOnce(SMALL, "start: data", "start: dta");
    Diagnostics d = new Diagnostics();
    Optional<Flowchart> chart =
        ChartReader.readFlowchart(
            ChartFixtures.PATH,
            yaml,
            ChartFixtures.FIRST_LINE,
            link -> link.contains("sft") ? Optional.empty() : Optional.of("../x/"),
            d);
    assertTrue(chart.isEmpty());
    assertEquals(
        List.of(
            "10:8: start node 'dta' is not one of the nodes; use one of the node ids (closest: 'data')",
            "31:11: outcome 'sft' links to '../alignment/sft.md', which is not a page; give the path of a Markdown page"
                + " relative to this file"),
        ChartFixtures.lines(d));
  }

  @Test
  void outcomeLinksAreReadFromABlockWithProblemsWithoutReportingThem() {
    String yaml = replaceOnce(SMALL, "start: data", "start: dta");
    assertEquals(
        List.of(
            "ppo 24:11 ../alignment/ppo.md",
            "dpo 27:11 ../alignment/dpo.md",
            "sft 31:11 ../alignment/sft.md"),
        ChartReader.outcomeLinks(ChartFixtures.PATH, yaml, ChartFixtures.FIRST_LINE).stream()
            .map(n -> n.id() + " " + n.linkLine() + ":" + n.linkColumn() + " " + n.link())
            .toList());
    assertEquals(
        List.of(),
        ChartReader.outcomeLinks(
            ChartFixtures.PATH, "nodes: [unclosed\n", ChartFixtures.FIRST_LINE));
  }
}
