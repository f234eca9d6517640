package org.fieldguide.template.view;

/** A link as templates see it: text and a relative href. */
public record LinkView(String title, String href) {}
