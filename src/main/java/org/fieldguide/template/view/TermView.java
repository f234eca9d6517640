package org.fieldguide.template.view;

import java.util.List;

/**
 * A glossary term for templates: its kind as a label and CSS name, and for kind {@code both} the
 * two definitions as separate HTML blocks.
 */
public record TermView(
    String term,
    String shortDefinition,
    String href,
    String kindLabel,
    String kindCss,
    String kindExplanation,
    boolean both,
    String behavioralHtml,
    String mechanisticHtml,
    List<String> aliases,
    List<LinkView> seeAlso) {
  /** Whether neither kind of definition applies (the term is a name, not a property to define). */
  public boolean na() {
    return "na".equals(kindCss);
  }

  public boolean hasAliases() {
    return !aliases.isEmpty();
  }

  public boolean hasSeeAlso() {
    return !seeAlso.isEmpty();
  }

  public String aliasList() {
    return String.join(", ", aliases);
  }
}
