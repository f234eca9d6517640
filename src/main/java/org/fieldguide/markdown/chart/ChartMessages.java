package org.fieldguide.markdown.chart;

import java.util.Collection;
import java.util.List;
import org.fieldguide.frontmatter.Suggest;

/**
 * Every message this package reports, in one place so that tests can assert them. Each says what is
 * wrong, then what to do.
 */
final class ChartMessages {
  static final List<String> FLOWCHART_KEYS = List.of("start", "nodes");
  static final List<String> NODE_KEYS = List.of("ask", "answers", "outcome", "link", "why");
  static final List<String> ANSWER_KEYS = List.of("label", "to");
  static final List<String> DIAGRAM_KEYS =
      List.of("title", "direction", "nodes", "edges", "groups");
  static final List<String> DIAGRAM_NODE_KEYS = List.of("label");
  static final List<String> EDGE_KEYS = List.of("from", "to", "label");
  static final List<String> GROUP_KEYS = List.of("label", "nodes");

  private ChartMessages() {}

  static String noStart() {
    return "the flowchart has no 'start'; add 'start: <node id>' naming the first question";
  }

  static String unknownStart(String start, Collection<String> ids) {
    return "start node '" + start + "' is not one of the nodes" + useOneOf(start, ids);
  }

  static String noNodes() {
    return "the flowchart has no 'nodes'; add a 'nodes:' mapping from node ids to questions and outcomes";
  }

  static String nodesNotMapping(String owner) {
    return "'nodes' of the "
        + owner
        + " must be a mapping with one 'id:' entry per node, not a list or text; write each node as 'id:' under 'nodes:'";
  }

  static String badNodeId(String id) {
    return "node id '"
        + id
        + "' must start with a letter or digit and use only letters, digits, '-' and '_'; rename it";
  }

  static String nodeNotMapping(String id) {
    return "node '"
        + id
        + "' must be a mapping; give it 'ask' and 'answers', or 'outcome' and 'link'";
  }

  static String askAndOutcome(String id) {
    return "node '"
        + id
        + "' has both 'ask' and 'outcome'; keep 'ask' for a question or 'outcome' for an end point";
  }

  static String neitherAskNorOutcome(String id) {
    return "node '"
        + id
        + "' has neither 'ask' nor 'outcome'; add 'ask: …' for a question or 'outcome: …' for an end point";
  }

  static String tooFewAnswers(String id, int count) {
    String has = count == 0 ? "has no answers" : "has only one answer";
    return "question '"
        + id
        + "' "
        + has
        + "; give it at least two answers, each {label: …, to: <node id>}";
  }

  static String answersNotList(String id) {
    return "'answers' of node '"
        + id
        + "' must be a list; write each answer as '- {label: …, to: <node id>}'";
  }

  static String answerNotMapping(String id) {
    return "an answer of node '"
        + id
        + "' must be a mapping; write it as {label: \"Yes\", to: <node id>}";
  }

  static String answerMissing(String id, String key) {
    String example = key.equals("to") ? "to: <node id>" : "label: …";
    return "an answer of node '" + id + "' has no '" + key + "'; add '" + example + "'";
  }

  static String questionWithOutcomeKey(String id, String key) {
    return "question '"
        + id
        + "' has '"
        + key
        + "', which only outcomes use; remove it, or turn the node into an outcome";
  }

  static String outcomeWithAnswers(String id) {
    return "outcome '"
        + id
        + "' has answers; an outcome ends the chart, so remove 'answers' or change 'outcome' to 'ask'";
  }

  static String outcomeWithoutLink(String id) {
    return "outcome '"
        + id
        + "' has no 'link'; add 'link: ../section/page.md' naming the page that explains it";
  }

  static String unknownTarget(String label, String id, String to, Collection<String> ids) {
    return "answer '"
        + label
        + "' of node '"
        + id
        + "' goes to unknown node '"
        + to
        + "'"
        + useOneOf(to, ids);
  }

  static String unreachable(String id, String start) {
    return "node '"
        + id
        + "' cannot be reached from the start node '"
        + start
        + "'; add an answer that goes to it, or remove it";
  }

  static String cycle(String label, String id, List<String> loop) {
    return "answer '"
        + label
        + "' of node '"
        + id
        + "' makes a loop ("
        + String.join(" → ", loop)
        + "); a flowchart must not loop, so send the answer to a node further down";
  }

  static String linkNotPage(String id, String link) {
    return "outcome '"
        + id
        + "' links to '"
        + link
        + "', which is not a page; give the path of a Markdown page relative to this file";
  }

  static String linkToDraft(String id, String link, String draftPath) {
    return "outcome '"
        + id
        + "' links to '"
        + link
        + "', which is a draft ("
        + draftPath
        + "); build with --drafts to include it, or remove 'draft: true' there to publish it";
  }

  static String noTitle() {
    return "the diagram has no 'title'; add 'title: …', which names the figure for screen readers";
  }

  static String badDirection(String direction) {
    return "direction '" + direction + "' is not known; use 'right' or 'down'";
  }

  static String noDiagramNodes() {
    return "the diagram has no 'nodes'; add a 'nodes:' mapping from ids to {label: …}";
  }

  static String diagramNodeShape(String id) {
    return "node '"
        + id
        + "' must be a label or a mapping such as {label: \"…\"}; write it that way";
  }

  static String diagramNodeNoLabel(String id) {
    return "node '" + id + "' has no 'label'; add 'label: …'";
  }

  static String notList(String key, String example) {
    return "'" + key + "' must be a list; write each item as '- " + example + "'";
  }

  static String itemNotMapping(String key, String example) {
    return "each item of '" + key + "' must be a mapping; write it as " + example;
  }

  static String edgeMissing(String key) {
    return "an edge has no '" + key + "'; add '" + key + ": <node id>'";
  }

  static String edgeUnknown(String from, String to, String unknown, Collection<String> ids) {
    return "edge from '"
        + from
        + "' to '"
        + to
        + "' names unknown node '"
        + unknown
        + "'"
        + useOneOf(unknown, ids);
  }

  static String labelFormula(String problem) {
    return "a formula in a label does not typeset: " + problem;
  }

  static String groupNoLabel() {
    return "a group has no 'label'; add 'label: …'";
  }

  static String groupEmpty(String label) {
    return "group '" + label + "' has no nodes; list them as 'nodes: [id, id]'";
  }

  static String groupItemNotId(String label) {
    return "group '" + label + "' lists something that is not a node id; write its nodes as [a, b]";
  }

  static String groupUnknown(String label, String id, Collection<String> ids) {
    return "group '" + label + "' lists unknown node '" + id + "'" + useOneOf(id, ids);
  }

  static String nodeInTwoGroups(String id, String first, String second) {
    return "node '"
        + id
        + "' is in group '"
        + first
        + "' and again in group '"
        + second
        + "'; a node can be in one group only, so remove it from one";
  }

  private static String useOneOf(String wrong, Collection<String> ids) {
    return Suggest.closest(wrong, ids)
        .map(c -> "; use one of the node ids (closest: '" + c + "')")
        .orElse(
            ids.size() <= 10
                ? "; use one of the node ids (" + String.join(", ", ids) + ")"
                : "; use one of the node ids");
  }
}
