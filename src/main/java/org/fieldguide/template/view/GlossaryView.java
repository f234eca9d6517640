package org.fieldguide.template.view;

import java.util.List;

/** The glossary index: terms grouped by first letter, and the kind filters. */
public record GlossaryView(
    String title,
    String description,
    List<LetterView> letters,
    List<KindFilterView> filters,
    int count) {
  /** Terms under one letter. */
  public record LetterView(String letter, String id, List<TermView> terms) {}

  /** A filter link: all terms, or one kind. */
  public record KindFilterView(String label, String id, String kindCss, int count) {}
}
