package org.fieldguide.model;

import java.util.Collections;
import java.util.List;

/**
 * A glossary term's front matter: what it is called, its one-line definition and its kind.
 * {@code origin} is the {@code term} key; {@code seeAlsoOrigins} holds where each {@code see_also}
 * entry is written, one per entry of {@code seeAlso}.
 */
public record Term(
    String slug,
    String term,
    String shortDefinition,
    TermKind kind,
    List<String> aliases,
    List<String> seeAlso,
    List<String> sources,
    SourceRef origin,
    List<SourceRef> seeAlsoOrigins) {

  public Term {
    aliases = List.copyOf(aliases);
    seeAlso = List.copyOf(seeAlso);
    sources = List.copyOf(sources);
    seeAlsoOrigins = List.copyOf(seeAlsoOrigins);
    if (seeAlsoOrigins.size() != seeAlso.size()) {
      throw new IllegalArgumentException("seeAlsoOrigins must have one position per see_also entry: "
          + seeAlsoOrigins.size() + " for " + seeAlso.size());
    }
  }

  /** A term whose see_also entries are all located at {@code origin}, for terms made in code. */
  public Term(String slug, String term, String shortDefinition, TermKind kind, List<String> aliases,
      List<String> seeAlso, List<String> sources, SourceRef origin) {
    this(slug, term, shortDefinition, kind, aliases, seeAlso, sources, origin,
        Collections.nCopies(seeAlso.size(), origin));
  }

  /** The term followed by its aliases: every name that refers to it. */
  public List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(term), aliases.stream()).toList();
  }
}
