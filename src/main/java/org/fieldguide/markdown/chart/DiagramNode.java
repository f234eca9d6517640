package org.fieldguide.markdown.chart;

/** One box of a diagram: its id, its label, and where the id is in the file. */
public record DiagramNode(String id, String label, int line, int column) {}
