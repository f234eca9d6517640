package org.fieldguide.template.view;

/**
 * A page as the home page shows it on a card: title, link, one-line description and, if known, when
 * it last changed.
 */
public record CardView(
    String title, String href, String description, String date, String dateLabel) {}
