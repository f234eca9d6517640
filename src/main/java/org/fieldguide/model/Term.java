package org.fieldguide.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A glossary term's front matter: what it is called, its one-line definition and its kind. {@code
 * origin} is where the term is named (its {@code term:} line); {@code aliasOrigins} holds where
 * each alias is written, in the order of {@code aliases}; {@code seeAlsoOrigins} and {@code
 * sourcesOrigins} where each {@code see_also} and {@code sources} entry is, in their order.
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
    List<SourceRef> aliasOrigins,
    List<SourceRef> seeAlsoOrigins,
    List<SourceRef> sourcesOrigins) {

  public Term {
    aliases = List.copyOf(aliases);
    seeAlso = List.copyOf(seeAlso);
    sources = List.copyOf(sources);
    aliasOrigins =
        List.copyOf(
            aliasOrigins == null ? Collections.nCopies(aliases.size(), origin) : aliasOrigins);
    seeAlsoOrigins =
        List.copyOf(
            seeAlsoOrigins == null ? Collections.nCopies(seeAlso.size(), origin) : seeAlsoOrigins);
    sourcesOrigins =
        List.copyOf(
            sourcesOrigins == null ? Collections.nCopies(sources.size(), origin) : sourcesOrigins);
    if (aliasOrigins.size() != aliases.size()
        || seeAlsoOrigins.size() != seeAlso.size()
        || sourcesOrigins.size() != sources.size()) {
      throw new IllegalArgumentException(
          "one position per alias, see_also and sources entry is needed: "
              + aliasOrigins.size()
              + " for "
              + aliases.size()
              + " aliases, "
              + seeAlsoOrigins.size()
              + " for "
              + seeAlso.size()
              + " see_also entries, "
              + sourcesOrigins.size()
              + " for "
              + sources.size()
              + " sources");
    }
  }

  /**
   * A term whose aliases and see_also entries are all placed at {@code origin}, for terms made in
   * code.
   */
  public Term(
      String slug,
      String term,
      String shortDefinition,
      TermKind kind,
      List<String> aliases,
      List<String> seeAlso,
      List<String> sources,
      SourceRef origin) {
    this(slug, term, shortDefinition, kind, aliases, seeAlso, sources, origin, null, null, null);
  }

  /** One name of a term, where it is written, and whether it is an alias (else the term itself). */
  public record Name(String text, SourceRef origin, boolean alias) {}

  /** The term followed by its aliases: every name that refers to it. */
  public List<String> names() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(term), aliases.stream())
        .toList();
  }

  /** {@link #names()} with where each is written. */
  public List<Name> namesWithOrigins() {
    List<Name> out = new ArrayList<>();
    out.add(new Name(term, origin, false));
    for (int i = 0; i < aliases.size(); i++) {
      out.add(new Name(aliases.get(i), aliasOrigins.get(i), true));
    }
    return List.copyOf(out);
  }
}
