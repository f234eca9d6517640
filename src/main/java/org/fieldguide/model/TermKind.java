package org.fieldguide.model;

import java.util.Arrays;
import java.util.Optional;

/** Which kind of definition a glossary term gives: the site's central idea. */
public enum TermKind {
  BEHAVIORAL("behavioral", "Behavioral", "defined by what it does"),
  MECHANISTIC("mechanistic", "Mechanistic", "defined by how it works inside"),
  BOTH("both", "Behavioral and mechanistic", "defined both ways in the literature"),
  NOT_APPLICABLE("n/a", "Neither", "neither kind of definition applies");

  private final String key;
  private final String label;
  private final String explanation;

  TermKind(String key, String label, String explanation) {
    this.key = key;
    this.label = label;
    this.explanation = explanation;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String explanation() {
    return explanation;
  }

  /** A CSS-safe name: behavioral, mechanistic, both, na. */
  public String cssName() {
    return this == NOT_APPLICABLE ? "na" : key;
  }

  public static Optional<TermKind> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  public static String keys() {
    return "behavioral, mechanistic, both, n/a";
  }
}
