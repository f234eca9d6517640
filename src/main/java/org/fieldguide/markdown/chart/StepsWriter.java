package org.fieldguide.markdown.chart;

import java.util.List;
import java.util.Map;

/**
 * Writes the step-by-step version of a flowchart as plain HTML that needs no script: a "Step by
 * step" {@code <h2>}, then an ordered list with one item per question (an {@code <h3>} and its
 * answers as links to the items they lead to); then, apart from the numbered steps, a list of the
 * outcomes, each with its reason, a link to its page and a link back to the first question.
 */
final class StepsWriter {
  private final Flowchart chart;
  private final String prefix;
  private final StringBuilder out = new StringBuilder(4096);

  private StepsWriter(Flowchart chart, String prefix) {
    this.chart = chart;
    this.prefix = prefix;
  }

  /**
   * @param order the nodes in reading order (breadth first from the start)
   * @param hrefs resolved page links of outcomes, by node id
   */
  static String write(
      Flowchart chart, List<FlowNode> order, Map<String, String> hrefs, String prefix) {
    return new StepsWriter(chart, prefix).steps(order, hrefs);
  }

  private String steps(List<FlowNode> order, Map<String, String> hrefs) {
    out.append("<h2 class=\"fc-steps-title\" id=\"")
        .append(prefix)
        .append("--steps\">Step by step</h2>\n");
    out.append("<ol class=\"fc-steps\">\n");
    for (FlowNode node : order) {
      if (!node.isOutcome()) {
        question(node);
      }
    }
    out.append("</ol>\n");
    out.append("<h3 class=\"fc-outcomes-title\" id=\"")
        .append(prefix)
        .append("--outcomes\">Where the steps lead</h3>\n");
    out.append("<ul class=\"fc-steps fc-outcomes\">\n");
    for (FlowNode node : order) {
      if (node.isOutcome()) {
        outcome(node, hrefs.get(node.id()));
      }
    }
    out.append("</ul>\n");
    return out.toString();
  }

  private void question(FlowNode node) {
    out.append("<li id=\"")
        .append(prefix)
        .append('-')
        .append(node.id())
        .append("\" class=\"fc-step\">\n");
    out.append("<h3>").append(Markup.escape(node.ask())).append("</h3>\n");
    out.append("<ul class=\"fc-answers\">\n");
    for (Answer answer : node.answers()) {
      out.append("<li><a href=\"#")
          .append(prefix)
          .append('-')
          .append(answer.to())
          .append("\">")
          .append(Markup.escape(answer.label()))
          .append("</a>");
      chart
          .node(answer.to())
          .ifPresent(
              next ->
                  out.append(" <span class=\"fc-next\"><span aria-hidden=\"true\">→ </span>")
                      .append(next.isOutcome() ? "Outcome: " : "")
                      .append(Markup.escape(next.text()))
                      .append("</span>"));
      out.append("</li>\n");
    }
    out.append("</ul>\n</li>\n");
  }

  private void outcome(FlowNode node, String href) {
    out.append("<li id=\"")
        .append(prefix)
        .append('-')
        .append(node.id())
        .append("\" class=\"fc-step fc-step-outcome\">\n");
    out.append("<h4><span class=\"fc-step-kind\">Outcome:</span> ")
        .append(Markup.escape(node.outcome()))
        .append("</h4>\n");
    if (node.why() != null) {
      out.append("<p class=\"fc-why\">").append(Markup.escape(node.why())).append("</p>\n");
    }
    if (href != null) {
      out.append("<p class=\"fc-read\"><a href=\"")
          .append(Markup.escape(href))
          .append("\">Read: ")
          .append(Markup.escape(node.outcome()))
          .append("</a></p>\n");
    }
    out.append("<p class=\"fc-restart\"><a href=\"#")
        .append(prefix)
        .append('-')
        .append(chart.start())
        .append("\">Start over</a></p>\n");
    out.append("</li>\n");
  }
}
