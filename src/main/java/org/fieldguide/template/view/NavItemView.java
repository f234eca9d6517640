package org.fieldguide.template.view;

/** One page in the section navigation; {@code current} marks the page being rendered. */
public record NavItemView(String title, String href, boolean current) {}
