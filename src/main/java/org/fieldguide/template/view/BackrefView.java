package org.fieldguide.template.view;

/**
 * A link from a reference back to one place that cites it: its text ("↑", or a letter), target and
 * spoken label.
 */
public record BackrefView(String text, String href, String label) {}
