package org.fieldguide.model;

import java.util.List;

/** A glossary term's front matter: what it is called, its one-line definition and its kind. */
public record Term(
    String slug,
    String term,
    String shortDefinition,
    TermKind kind,
    List<String> aliases,
    List<String> seeAlso,
    List<String> sources,
    SourceRef origin) {

  public Term {
    aliases = List.copyOf(aliases);
    seeAlso = List.copyOf(seeAlso);
    sources = List.copyOf(sources);
  }

  /** The term followed by its aliases: every name that refers to it. */
  public List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(term), aliases.stream()).toList();
  }
}
