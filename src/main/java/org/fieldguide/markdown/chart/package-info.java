/**
 * Decision flowcharts and diagrams: read from fenced {@code flowchart} and {@code diagram} blocks,
 * checked, laid out with Eclipse ELK's layered algorithm and drawn as inline SVG.
 *
 * <p>{@link org.fieldguide.markdown.chart.ChartReader} turns a block's YAML into a {@link
 * org.fieldguide.markdown.chart.Flowchart} or {@link org.fieldguide.markdown.chart.Diagram},
 * reporting every problem with its file line and column; {@link
 * org.fieldguide.markdown.chart.ChartRenderer} turns them into HTML. Everything else here is
 * package-private machinery. Text fields that a block leaves out are {@code null}; lists are never
 * null. Output is deterministic: the same chart gives the same bytes.
 */
package org.fieldguide.markdown.chart;
