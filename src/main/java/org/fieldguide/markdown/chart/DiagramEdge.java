package org.fieldguide.markdown.chart;

/**
 * One arrow of a diagram, from node id {@code from} to node id {@code to}, with a {@code label}
 * that is null when the block gives none; {@code line}/{@code column} locate the {@code from}
 * value.
 */
public record DiagramEdge(String from, String to, String label, int line, int column) {}
