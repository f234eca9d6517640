package org.fieldguide.markdown.chart;

import java.util.List;

/**
 * One node of a flowchart: a question ({@code ask} and at least two {@code answers}) or an outcome
 * ({@code outcome}, a {@code link} to a page as written in the block, and an optional {@code why}).
 * Fields a node does not use are null. {@code line}/{@code column} locate the node's id in the
 * file; {@code linkLine}/{@code linkColumn} locate its {@code link} value (0 when absent).
 */
public record FlowNode(
    String id,
    String ask,
    String outcome,
    String link,
    String why,
    List<Answer> answers,
    int line,
    int column,
    int linkLine,
    int linkColumn) {

  public FlowNode {
    answers = List.copyOf(answers);
  }

  /** True for an outcome, false for a question. */
  public boolean isOutcome() {
    return outcome != null;
  }

  /** The text shown in the node's box: the question or the outcome. */
  public String text() {
    return isOutcome() ? outcome : ask;
  }
}
