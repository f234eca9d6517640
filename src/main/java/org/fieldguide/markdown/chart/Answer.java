package org.fieldguide.markdown.chart;

/**
 * One answer of a question: its label and the id of the node it goes {@code to}. {@code
 * line}/{@code column} locate the {@code to} value in the file, where a wrong target is reported.
 */
public record Answer(String label, String to, int line, int column) {}
