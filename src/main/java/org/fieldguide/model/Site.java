package org.fieldguide.model;

import java.util.List;
import java.util.Map;

/**
 * The whole site as plain immutable data: configuration, pages (sorted by id), glossary terms and
 * citable sources (both sorted by key), the YAML tables under {@code content/data/}, and the
 * Markdown body of each page read from a file, by page id.
 */
public record Site(
    SiteConfig config,
    List<Page> pages,
    Map<String, Term> terms,
    Map<String, Citation> citations,
    Map<String, DataTable> tables,
    Map<String, String> bodies) {

  public Site {
    pages = List.copyOf(pages);
    terms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(terms));
    citations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(citations));
    tables = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tables));
    bodies = Bodies.of(bodies); // no copy when it already is one (see Bodies)
  }
}
